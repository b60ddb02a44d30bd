package io.labgate.architecture.sample.alpha;

/** An internal class of feature alpha (sample). */
public class AlphaInternal {
    public static String hello() {
        return "alpha";
    }
}
