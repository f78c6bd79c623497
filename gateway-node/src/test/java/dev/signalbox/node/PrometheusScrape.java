package dev.signalbox.node;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** A scrape of a Prometheus endpoint in the text format. */
record PrometheusScrape(String text) {

    /** The value of the first sample of {@code name} carrying all of {@code labels} (name, value, name, value…), or null. */
    @Nullable Double value(String name, String... labels) {
        Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "(?:\\{([^}]*)\\})? (\\S+)$", Pattern.MULTILINE);
        Matcher matcher = sample.matcher(text);
        while (matcher.find()) {
            String sampleLabels = matcher.group(1) == null ? "" : matcher.group(1);
            boolean all = true;
            for (int i = 0; i < labels.length; i += 2) {
                all &= sampleLabels.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
            }
            if (all) {
                return Double.parseDouble(matcher.group(2));
            }
        }
        return null;
    }
}
