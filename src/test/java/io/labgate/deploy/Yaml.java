package io.labgate.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small YAML helpers for the deployment tests (Jackson YAML, already on the classpath through Quarkus). */
final class Yaml {

    static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());

    private Yaml() {}

    /** Every non-empty document of a multi-document YAML text, as maps. */
    static List<Map<String, Object>> documents(String text) {
        try (MappingIterator<Map<String, Object>> it =
                MAPPER.readerFor(new TypeReference<Map<String, Object>>() {}).readValues(text)) {
            List<Map<String, Object>> docs = new ArrayList<>();
            while (it.hasNext()) {
                Map<String, Object> doc = it.next();
                if (doc != null && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> read(Path file) {
        try {
            return MAPPER.readValue(Files.readString(file), new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    /** Helm's merge of values files: maps merge key by key, anything else (lists too) is replaced. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        override.forEach((k, v) -> {
            Object b = out.get(k);
            if (b instanceof Map && v instanceof Map) {
                out.put(k, merge((Map<String, Object>) b, (Map<String, Object>) v));
            } else {
                out.put(k, v);
            }
        });
        return out;
    }

    /** The value at a dotted path ("spec.template.spec"); list elements by index ("containers.0"). */
    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String path) {
        Object cur = node;
        for (String part : path.split("\\.")) {
            if (cur instanceof Map) {
                cur = ((Map<String, Object>) cur).get(part);
            } else if (cur instanceof List) {
                cur = ((List<Object>) cur).get(Integer.parseInt(part));
            } else {
                return null;
            }
        }
        return (T) cur;
    }
}
