/**
 * Export review (반출 심사, issue 14): what an AI company takes out of the lab — models, metrics, result tables it
 * made from granted data — is an export of that data. {@code inspect} holds the automatic checks that run before any
 * person looks: an artifact that is a dataset object, copied dataset rows, Korean personal identifiers, file types
 * and sizes outside the policy, inside archives too.
 */
package io.labgate.export;
