package io.labgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Virtual-hosted-style addressing, as AWS's "Virtual hosting of buckets" describes it. */
class VirtualHostedStyleTest {

    @Test
    void theBucketIsTheHostBelowTheDomain() {
        assertThat(VirtualHostedStyle.bucket("crops-v1.s3.lab.example", "s3.lab.example"))
                .contains("crops-v1");
        assertThat(VirtualHostedStyle.bucket("Crops-V1.S3.Lab.Example:9080", "s3.lab.example"))
                .contains("crops-v1");
        // bucket names may hold dots
        assertThat(VirtualHostedStyle.bucket("my.bucket.s3.lab.example.", "s3.lab.example"))
                .contains("my.bucket");
    }

    @Test
    void theDomainItselfAndOtherHostsArePathStyle() {
        assertThat(VirtualHostedStyle.bucket("s3.lab.example", "s3.lab.example"))
                .isEmpty();
        assertThat(VirtualHostedStyle.bucket("s3.lab.example:9080", "s3.lab.example"))
                .isEmpty();
        assertThat(VirtualHostedStyle.bucket("localhost:9080", "s3.lab.example"))
                .isEmpty();
        assertThat(VirtualHostedStyle.bucket("evils3.lab.example", "s3.lab.example"))
                .isEmpty();
        assertThat(VirtualHostedStyle.bucket("[::1]:9080", "s3.lab.example")).isEmpty();
        assertThat(VirtualHostedStyle.bucket(null, "s3.lab.example")).isEmpty();
        assertThat(VirtualHostedStyle.bucket("a.s3.lab.example", null)).isEmpty();
    }

    @Test
    void theKeyFollowsTheBucketInThePathStylePath() {
        assertThat(VirtualHostedStyle.pathStyle("crops-v1", "/photos/puppy.jpg"))
                .isEqualTo("/crops-v1/photos/puppy.jpg");
        assertThat(VirtualHostedStyle.pathStyle("crops-v1", "/")).isEqualTo("/crops-v1/");
        assertThat(VirtualHostedStyle.pathStyle("crops-v1", "")).isEqualTo("/crops-v1/");
    }
}
