package eu.interlink.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of one run and the markdown page they make ({@code docs/performance.md}). */
final class Report {
    /** Which side of its target a figure must be on. */
    enum Goal { AT_MOST, AT_LEAST, NONE, NOT_MEASURED }

    /**
     * One figure: what was measured, its value in {@code unit}, its target and how it was obtained.
     *
     * @param key short reference used in the summary (such as {@code 1a})
     */
    record Figure(String key, String what, double value, String unit, Goal goal, double target, String how) {
        static Figure atMost(String key, String what, double value, String unit, double target, String how) {
            return new Figure(key, what, value, unit, Goal.AT_MOST, target, how);
        }

        static Figure atLeast(String key, String what, double value, String unit, double target, String how) {
            return new Figure(key, what, value, unit, Goal.AT_LEAST, target, how);
        }

        static Figure info(String key, String what, double value, String unit, String how) {
            return new Figure(key, what, value, unit, Goal.NONE, Double.NaN, how);
        }

        static Figure notMeasured(String key, String what, String why) {
            return new Figure(key, what, Double.NaN, "", Goal.NOT_MEASURED, Double.NaN, why);
        }

        boolean hasTarget() {
            return goal == Goal.AT_MOST || goal == Goal.AT_LEAST;
        }

        boolean passed() {
            return goal == Goal.AT_MOST ? value <= target : goal == Goal.AT_LEAST ? value >= target : true;
        }

        String measured() {
            return goal == Goal.NOT_MEASURED ? "not measured" : format(value, unit);
        }

        String targetText() {
            return switch (goal) {
                case AT_MOST -> "≤ " + format(target, unit);
                case AT_LEAST -> "≥ " + format(target, unit);
                case NONE -> "none (context)";
                case NOT_MEASURED -> "–";
            };
        }

        String result() {
            return switch (goal) {
                case NONE -> "–";
                case NOT_MEASURED -> how;
                case AT_MOST, AT_LEAST -> {
                    if (passed()) yield "**PASS**" + margin();
                    double by = Math.abs(value - target);
                    double percent = target == 0 ? Double.NaN : 100.0 * by / Math.abs(target);
                    yield "**MISS** by " + format(by, unit.equals("×") ? "" : unit) + (Double.isNaN(percent) ? "" : String.format(Locale.ROOT, " (%.0f %% %s the target)", percent,
                            goal == Goal.AT_MOST ? "over" : "under"));
                }
            };
        }

        private String margin() {
            if (target == 0 || Double.isNaN(value)) return "";
            double percent = 100.0 * Math.abs(target - value) / Math.abs(target);
            return String.format(Locale.ROOT, " (%.0f %% headroom)", percent);
        }
    }

    /** One measure: its title, how it was done, and its figures. */
    record Section(String number, String title, String method, List<Figure> figures, List<String> notes) {
    }

    private final List<Section> sections = new ArrayList<>();
    private final List<String> machine = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    void machine(String line) {
        machine.add(line);
    }

    void add(Section s) {
        sections.add(s);
    }

    /** A measure that could not be completed: said in the report, never hidden. */
    void failed(String number, String title, Throwable t) {
        problems.add("Measure " + number + " (" + title + ") failed: " + t);
    }

    List<Section> sections() {
        return sections;
    }

    static String format(double v, String unit) {
        if (Double.isNaN(v)) return "n/a";
        String n;
        double a = Math.abs(v);
        if (unit.equals("requests") || unit.equals("failed requests") || unit.equals("req/s") || unit.startsWith("of ") || unit.equals("MiB") && a >= 100) {
            n = String.format(Locale.ROOT, "%,.0f", v);
        } else if (a >= 100) {
            n = String.format(Locale.ROOT, "%.0f", v);
        } else if (a >= 10) {
            n = String.format(Locale.ROOT, "%.1f", v);
        } else if (a >= 1) {
            n = String.format(Locale.ROOT, "%.2f", v);
        } else {
            n = String.format(Locale.ROOT, "%.3f", v);
        }
        return unit.equals("×") ? n + "×" : unit.isEmpty() ? n : n + " " + unit;
    }

    String markdown(String header) {
        StringBuilder b = new StringBuilder(header);
        b.append("## Machine\n\n");
        for (String m : machine) b.append("- ").append(m).append('\n');
        b.append('\n');
        if (!problems.isEmpty()) {
            b.append("## Measures that failed to run\n\n");
            for (String p : problems) b.append("- ").append(p.replace("\n", " ")).append('\n');
            b.append('\n');
        }

        b.append("## Summary\n\n| # | figure | measured | target | result |\n| --- | --- | --- | --- | --- |\n");
        int pass = 0;
        int miss = 0;
        for (Section s : sections) {
            for (Figure f : s.figures()) {
                if (!f.hasTarget() && f.goal() != Goal.NOT_MEASURED) continue;
                if (f.hasTarget()) {
                    if (f.passed()) pass++;
                    else miss++;
                }
                b.append("| ").append(f.key()).append(" | ").append(f.what()).append(" | ").append(f.measured()).append(" | ")
                        .append(f.targetText()).append(" | ").append(f.result()).append(" |\n");
            }
        }
        if (pass + miss > 0) {
            b.append('\n').append(pass).append(" of ").append(pass + miss).append(" targets met");
            if (miss > 0) b.append("; ").append(miss).append(" missed");
            b.append(".\n");
        }
        b.append('\n');

        for (Section s : sections) {
            b.append("## ").append(s.number()).append(". ").append(s.title()).append("\n\n").append(s.method().strip()).append("\n\n");
            if (!s.figures().isEmpty()) {
                b.append("| # | figure | measured | target | result | how |\n| --- | --- | --- | --- | --- | --- |\n");
                for (Figure f : s.figures()) {
                    b.append("| ").append(f.key()).append(" | ").append(f.what()).append(" | ").append(f.measured()).append(" | ")
                            .append(f.targetText()).append(" | ").append(f.goal() == Goal.NOT_MEASURED ? "not measured" : f.result())
                            .append(" | ").append(f.goal() == Goal.NOT_MEASURED ? f.how() : f.how()).append(" |\n");
                }
                b.append('\n');
            }
            for (String n : s.notes()) if (!n.isBlank()) b.append(n.strip()).append("\n\n");
        }
        return b.toString();
    }

    void write(Path file, String header) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, markdown(header), StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
