package io.labgate.reference.api;

/** The reference data (industries, AI technologies) as other features check it. */
public interface ReferenceData {

    boolean industryExists(String code);

    boolean aiTechnologyExists(String code);
}
