package io.labgate.monitoring;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of {@code /q/metrics} in the Prometheus text format, read like Prometheus would. */
record Scrape(List<Sample> samples, Set<String> families) {

    record Sample(String name, String labels, double value) {}

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})?\\s+(\\S+).*$");
    private static final Pattern META = Pattern.compile("^# (?:HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) .*$");

    static Scrape now() {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        List<Sample> samples = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        for (String line : text.split("\n")) {
            Matcher meta = META.matcher(line);
            if (meta.matches()) {
                names.add(meta.group(1));
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!line.startsWith("#") && m.matches()) {
                samples.add(new Sample(m.group(1), m.group(2) == null ? "" : m.group(2), parse(m.group(3))));
                names.add(m.group(1));
            }
        }
        return new Scrape(samples, names);
    }

    private static double parse(String value) {
        return switch (value) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
        };
    }

    /** True when a series of this name, with these labels ({@code key="value"} each), exists. */
    boolean has(String name, String... labels) {
        return samples.stream().anyMatch(s -> s.name().equals(name) && matches(s, labels));
    }

    /** The sum over the series of this name with these labels; 0 when there is none. */
    double value(String name, String... labels) {
        return samples.stream()
                .filter(s -> s.name().equals(name) && matches(s, labels))
                .mapToDouble(Sample::value)
                .sum();
    }

    private static boolean matches(Sample sample, String... labels) {
        for (String label : labels) {
            if (!sample.labels().contains(label)) {
                return false;
            }
        }
        return true;
    }
}
