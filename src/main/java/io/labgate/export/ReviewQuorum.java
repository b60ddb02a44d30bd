package io.labgate.export;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * When the approvals of a round release an export: at least the policy's number of distinct reviewers approved,
 * an operator among them, and a reviewer of every provider whose data is involved (a provider's refusal, a veto,
 * ends the round before this is asked).
 */
final class ReviewQuorum {

    private ReviewQuorum() {}

    static boolean reached(ExportRequest export, List<ExportReview> round) {
        Set<String> approvers = new HashSet<>();
        Set<UUID> providersApproving = new HashSet<>();
        boolean operator = false;
        for (ExportReview review : round) {
            if (review.verdict != Verdict.APPROVE) {
                continue;
            }
            approvers.add(review.reviewer);
            if (review.reviewerRole == ReviewerRole.OPERATOR) {
                operator = true;
            } else {
                providersApproving.add(review.providerId);
            }
        }
        return operator
                && approvers.size() >= export.approvalsNeeded
                && providersApproving.containsAll(export.providerIds);
    }
}
