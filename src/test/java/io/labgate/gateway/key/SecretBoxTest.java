package io.labgate.gateway.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labgate.platform.crypto.SecretBox;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final String SECRET = "abcdefghijABCDEFGHIJ0123456789klmnopqrst";

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private final SecretBox box = new SecretBox(key(7), new SecureRandom());

    @Test
    void sealedSecretOpensForItsAccessKeyId() {
        byte[] sealed = box.seal(SECRET, "LGAAAAAAAAAAAAAAAAAA");
        assertThat(sealed).hasSize(12 + 40 + 16);
        assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("abcdefghij");
        assertThat(box.open(sealed, "LGAAAAAAAAAAAAAAAAAA")).isEqualTo(SECRET);
    }

    @Test
    void everySealingUsesAFreshIv() {
        byte[] one = box.seal(SECRET, "LGAAAAAAAAAAAAAAAAAA");
        byte[] two = box.seal(SECRET, "LGAAAAAAAAAAAAAAAAAA");
        assertThat(Arrays.copyOf(one, 12)).isNotEqualTo(Arrays.copyOf(two, 12));
        assertThat(one).isNotEqualTo(two);
    }

    @Test
    void anotherAccessKeyIdDoesNotOpenIt() {
        byte[] sealed = box.seal(SECRET, "LGAAAAAAAAAAAAAAAAAA");
        assertThatThrownBy(() -> box.open(sealed, "LGBBBBBBBBBBBBBBBBBB"))
                .isInstanceOf(SecretBox.SecretBoxException.class);
    }

    @Test
    void anotherKeyDoesNotOpenIt() {
        byte[] sealed = box.seal(SECRET, "LGAAAAAAAAAAAAAAAAAA");
        SecretBox other = new SecretBox(key(8), new SecureRandom());
        assertThatThrownBy(() -> other.open(sealed, "LGAAAAAAAAAAAAAAAAAA"))
                .isInstanceOf(SecretBox.SecretBoxException.class);
    }

    @Test
    void aTamperedCiphertextDoesNotOpen() {
        byte[] sealed = box.seal(SECRET, "LGAAAAAAAAAAAAAAAAAA");
        sealed[20] ^= 1;
        assertThatThrownBy(() -> box.open(sealed, "LGAAAAAAAAAAAAAAAAAA"))
                .isInstanceOf(SecretBox.SecretBoxException.class);
        assertThatThrownBy(() -> box.open(new byte[5], "LGAAAAAAAAAAAAAAAAAA"))
                .isInstanceOf(SecretBox.SecretBoxException.class);
    }

    @Test
    void onlyAes256KeysAreAccepted() {
        assertThatThrownBy(() -> new SecretBox(new byte[16], new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
