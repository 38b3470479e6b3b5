package io.tributary.conformance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The requirement a conformance test checks: where it is written, how strongly, and a short
 * paraphrase. {@link ConformanceReport} collects these with the outcomes into the summary. A
 * test carries a second one only when the same behaviour is a line of the checklist too.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(Requirement.List.class)
public @interface Requirement {
    /** Where the requirement is written. */
    enum Spec {
        RFC2326("RFC 2326 (RTSP 1.0)"),
        RFC7826("RFC 7826 (RTSP 2.0)"),
        CHECKLIST("RTSP-CHECKLIST.md");

        private final String title;

        Spec(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** The RFC 2119 keyword of the requirement; checklist lines are all {@code MUST} for a production server. */
    enum Level {
        MUST, SHOULD, MAY
    }

    Spec spec();

    /** The section number (RFCs) or the heading (checklist). */
    String section();

    Level level();

    /** A short paraphrase, not a quotation. */
    String text();

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface List {
        Requirement[] value();
    }
}
