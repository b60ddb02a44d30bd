package io.labgate.platform.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Whether bytes are text: what the catalogue samples rows from and the export checks read line by line. */
public final class Utf8Text {

    private Utf8Text() {}

    /** UTF-8 without NUL bytes in {@code head} (the first block of a file; a character cut at its end allowed). */
    public static boolean looksLikeText(byte[] head, int length) {
        for (int i = 0; i < length; i++) {
            if (head[i] == 0) {
                return false;
            }
        }
        for (int cut = 0; cut < 4 && cut <= length; cut++) {
            try {
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(head, 0, length - cut));
                return true;
            } catch (CharacterCodingException e) {
                // perhaps a character cut at the end of the block: try without its last bytes
            }
        }
        return false;
    }
}
