package io.labgate.platform.error;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * The fine-grained {@link ProblemCode}s of one feature, so that the API contract can list every {@code code} a
 * problem of each status may carry without the platform knowing the features: each feature registers its catalogue
 * in {@code META-INF/services/io.labgate.platform.error.ProblemCatalogue}.
 */
public interface ProblemCatalogue {

    List<ProblemCode> codes();

    /** The coarse codes and every registered feature's codes. */
    static List<ProblemCode> all() {
        Stream<ProblemCode> coarse = Stream.of(ErrorCode.values());
        Stream<ProblemCode> features =
                ServiceLoader.load(ProblemCatalogue.class, ProblemCatalogue.class.getClassLoader()).stream()
                        .flatMap(provider -> provider.get().codes().stream());
        return Stream.concat(coarse, features).toList();
    }
}
