package io.labgate.demo;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The objects of the demo dataset versions: small, deterministic files (label CSVs, JSON manifests and
 * pseudo-random "image" and "audio" bytes) so that every run of the embedded default has the same data.
 */
final class DemoObjects {

    private DemoObjects() {}

    /** Crop disease images from Jeju farms, de-identified (farm names and GPS replaced by region codes). */
    static Map<String, byte[]> cropDiseaseImages(String prefix) {
        Map<String, byte[]> objects = new LinkedHashMap<>();
        StringBuilder labels = new StringBuilder("image,crop,disease,region\n");
        for (int i = 1; i <= 6; i++) {
            String name = String.format("images/leaf-%04d.jpg", i);
            objects.put(prefix + name, bytes(1000 + i, 48 * 1024 + i * 512));
            labels.append(name)
                    .append(i % 2 == 0 ? ",tangerine," : ",cabbage,")
                    .append(i % 3 == 0 ? "healthy" : "leaf-spot")
                    .append(",JEJU-0")
                    .append(i % 3 + 1)
                    .append('\n');
        }
        objects.put(prefix + "labels.csv", labels.toString().getBytes(StandardCharsets.UTF_8));
        objects.put(
                prefix + "README.txt",
                ("Crop disease images, version 1. De-identified: farm names and GPS "
                                + "coordinates replaced by region codes (가명처리).\n")
                        .getBytes(StandardCharsets.UTF_8));
        return objects;
    }

    /** Fish-farm underwater sound clips, de-identified (site identifiers removed). */
    static Map<String, byte[]> fishFarmSounds(String prefix) {
        Map<String, byte[]> objects = new LinkedHashMap<>();
        for (int i = 1; i <= 4; i++) {
            objects.put(prefix + String.format("audio/clip-%03d.wav", i), bytes(2000 + i, 96 * 1024 + i * 1024));
        }
        objects.put(prefix + "annotations.json", """
                {"clips": 4, "sampleRateHz": 16000, "labels": ["feeding", "stress", "normal"]}
                """.getBytes(StandardCharsets.UTF_8));
        return objects;
    }

    private static byte[] bytes(long seed, int size) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }
}
