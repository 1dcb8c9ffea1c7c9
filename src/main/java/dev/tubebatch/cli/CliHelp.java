package dev.tubebatch.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The layout of {@code tubebatch batch --help}: the synopsis, the options in their sections under headings (in the
 * order {@link CliSpec} declares them), and the exit codes. Picocli lays out each section's lines.
 */
final class CliHelp {

    private record Section(String heading, List<ArgSpec> args) {}

    private final List<Section> sections = new ArrayList<>();

    /** Starts a section: the options added next are listed under this heading. */
    void section(String heading) {
        sections.add(new Section(heading, new ArrayList<>()));
    }

    /** Lists an option or input in the current section. */
    void add(ArgSpec arg) {
        sections.getLast().args().add(arg);
    }

    /** Makes picocli's usage message this command's help text. */
    void install(UsageMessageSpec usage) {
        usage.customSynopsis("tubebatch batch [options] [URL|ID ...]");
        usage.sectionMap().put(UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, help -> "");
        usage.sectionMap().put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, this::options);
        Map<String, String> exitCodes = new LinkedHashMap<>();
        exitCodes.put(Integer.toString(BatchCommand.OK), "all videos done");
        exitCodes.put(Integer.toString(BatchCommand.FAILURES), "some failed (or the batch was cancelled)");
        exitCodes.put(Integer.toString(BatchCommand.USAGE), "usage error");
        exitCodes.put(Integer.toString(BatchCommand.STOPPED), "stopped by --on-error stop");
        usage.exitCodeListHeading("%nExit codes:%n").exitCodeList(exitCodes);
    }

    /** The option list in its sections, each with its heading, in picocli's layout. */
    private String options(Help help) {
        Help.IParamLabelRenderer labels = help.createDefaultParamLabelRenderer();
        StringBuilder text = new StringBuilder();
        for (Section section : sections) {
            Help.Layout layout = help.createDefaultLayout();
            for (ArgSpec arg : section.args()) {
                if (arg instanceof OptionSpec option) {
                    layout.addOption(option, labels);
                } else {
                    layout.addPositionalParameter((PositionalParamSpec) arg, labels);
                }
            }
            text.append(String.format("%n%s%n", section.heading())).append(layout);
        }
        return text.toString();
    }
}
