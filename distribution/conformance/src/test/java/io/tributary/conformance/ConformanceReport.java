package io.tributary.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Collects each test's {@link Requirement}s and outcome, and after each class rewrites
 * {@code target/conformance/summary.md} from the results of every class run so far (one file
 * per class under {@code results/}, so a run of one class keeps the others' last results).
 * A test without a requirement fails: every test here checks one.
 */
public final class ConformanceReport implements BeforeEachCallback, TestWatcher, AfterAllCallback {
    /** One requirement's outcome; a line of {@code results/<class>.tsv}. */
    private record Outcome(Requirement.Spec spec, String section, Requirement.Level level, String text,
                           String test, String result) {
        String line() {
            return String.join("\t", spec.name(), section, level.name(), text, test, result);
        }

        static Outcome parse(String line) {
            String[] f = line.split("\t", -1);
            return new Outcome(Requirement.Spec.valueOf(f[0]), f[1], Requirement.Level.valueOf(f[2]), f[3], f[4], f[5]);
        }

        boolean passed() {
            return result.equals("pass");
        }
    }

    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        if (method.getAnnotationsByType(Requirement.class).length == 0) {
            throw new IllegalStateException(method.getName() + " names no @Requirement: every conformance test checks one");
        }
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        record(context, "pass");
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        String message = String.valueOf(cause.getMessage()).replaceAll("\\s+", " ");
        record(context, "FAIL: " + (message.length() > 300 ? message.substring(0, 300) + "…" : message));
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        record(context, "skipped: " + String.valueOf(cause.getMessage()).replaceAll("\\s+", " "));
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        record(context, "disabled: " + reason.orElse(""));
    }

    private void record(ExtensionContext context, String result) {
        Method method = context.getRequiredTestMethod();
        String test = method.getDeclaringClass().getSimpleName() + "#" + method.getName();
        for (Requirement r : method.getAnnotationsByType(Requirement.class)) {
            outcomes.add(new Outcome(r.spec(), r.section(), r.level(), r.text().replace('\t', ' '), test,
                    result.replace('\t', ' ').replace('\n', ' ')));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        Path out = Path.of(System.getProperty("conformance.out", "target/conformance"));
        Path results = out.resolve("results");
        Files.createDirectories(results);
        List<String> lines = outcomes.stream().map(Outcome::line).toList();
        Files.write(results.resolve(context.getRequiredTestClass().getSimpleName() + ".tsv"), lines,
                StandardCharsets.UTF_8);
        Files.writeString(out.resolve("summary.md"), summary(readAll(results)), StandardCharsets.UTF_8);
    }

    private static List<Outcome> readAll(Path results) throws IOException {
        try (Stream<Path> files = Files.list(results)) {
            return files.filter(f -> f.toString().endsWith(".tsv")).sorted().flatMap(f -> {
                try {
                    return Files.readAllLines(f, StandardCharsets.UTF_8).stream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).filter(l -> !l.isBlank()).map(Outcome::parse).toList();
        }
    }

    /** The Markdown summary: totals per spec, then each requirement by section. */
    static String summary(List<Outcome> all) {
        Map<Requirement.Spec, List<Outcome>> bySpec = new TreeMap<>();
        for (Outcome o : all) {
            bySpec.computeIfAbsent(o.spec(), s -> new ArrayList<>()).add(o);
        }
        StringBuilder md = new StringBuilder("# RTSP conformance summary\n\n")
                .append("Raw-socket tests of `distribution/conformance` against a running Tributary, one per requirement.\n")
                .append("Section numbers are those of RFC 2326 and RFC 7826 (headers of RFC 7826 in §18, status codes in §17);\n")
                .append("checklist sections are the headings of RTSP-CHECKLIST.md. RFC 7826 numbering: methods §13,\n")
                .append("interleaved data §14, status codes §17 (17.4.x in code order: 17.4.18 = 454), headers §18 in\n")
                .append("alphabetical order (18.33 Pipelined-Requests, 18.34 Proxy-Authenticate); RFC 2326: methods §10,\n")
                .append("status codes §11.3 (11.3.1 = 405 … 11.3.14 = 551), headers §12, HTTP references as (Hx.y).\n\n")
                .append("| spec | requirements checked | passing | MUST (passing) | SHOULD (passing) |\n|---|---|---|---|---|\n");
        bySpec.forEach((spec, list) -> md.append("| ").append(spec.title()).append(" | ").append(list.size())
                .append(" | ").append(list.stream().filter(Outcome::passed).count())
                .append(" | ").append(count(list, Requirement.Level.MUST))
                .append(" | ").append(count(list, Requirement.Level.SHOULD)).append(" |\n"));
        bySpec.forEach((spec, list) -> {
            md.append("\n## ").append(spec.title()).append("\n\n| § | level | requirement | test | result |\n|---|---|---|---|---|\n");
            list.stream().sorted(Comparator.comparing((Outcome o) -> sectionKey(o.section())).thenComparing(Outcome::test))
                    .forEach(o -> md.append("| ").append(o.section()).append(" | ").append(o.level()).append(" | ")
                            .append(o.text().replace("|", "\\|")).append(" | `").append(o.test()).append("` | ")
                            .append(o.result().replace("|", "\\|")).append(" |\n"));
        });
        return md.toString();
    }

    private static String count(List<Outcome> list, Requirement.Level level) {
        List<Outcome> at = list.stream().filter(o -> o.level() == level).toList();
        return at.size() + " (" + at.stream().filter(Outcome::passed).count() + ")";
    }

    /** Sorts "4.3" before "10.1" and "18.33" after "18.4"; headings sort as text after numbers. */
    private static String sectionKey(String section) {
        StringBuilder key = new StringBuilder();
        for (String part : section.split("[ ,/]")[0].split("\\.")) {
            key.append(part.matches("\\d+") ? String.format("%04d", Integer.parseInt(part)) : part).append('.');
        }
        return key.toString();
    }
}
