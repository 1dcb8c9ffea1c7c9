package dev.tubebatch.cli;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.Stack;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * How {@code tubebatch batch} takes each argument of one command line: runs when picocli has recognised an option or
 * an input, before it takes a value, and enforces one mode per line and values taken as this command always took
 * them. An option's value is the next argument, even one that starts with a single dash ({@code --resume -h} resumes
 * from a file named {@code -h}), unless that argument is a long option ({@code --batch-name --max-workers 2} lacks the
 * name); an attached value ({@code --flag=value}) must not be empty; a flag takes none, except that {@code --help}
 * ignores one. A mistake is a {@link UsageException} naming the flag.
 */
final class ArgumentPreprocessor implements IParameterPreprocessor {

    private static final Set<String> MODE_FLAGS = Set.of("--dry-run", "--resume", "--retry-failed", "--status");

    private final ParsedArguments parsed;
    private final String[] arguments;
    /** The places of the arguments taken as options' values, so that a value "--" is not read as the end of options. */
    private final Set<Integer> values = new HashSet<>();

    ArgumentPreprocessor(ParsedArguments parsed, String[] args) {
        this.parsed = parsed;
        this.arguments = args.clone();
    }

    /**
     * {@code args} holds what follows, an attached value on its top (then the option itself is at {@code index}, else
     * the value is). Returns true where the value has been taken here.
     */
    @Override
    public boolean preprocess(Stack<String> args, CommandSpec command, ArgSpec arg, Map<String, Object> info) {
        int index = arguments.length - args.size();
        if (arg instanceof PositionalParamSpec) {
            // Picocli reads a lone dash or a negative number as an input; before "--" this command never did.
            String input = args.peek();
            if (input.startsWith("-") && !afterEndOfOptions(index)) {
                throw new UsageException(input, "unknown option (see --help)");
            }
            return false;
        }
        OptionSpec option = (OptionSpec) arg;
        String flag = option.longestName();
        boolean attached = !" ".equals(info.get("separator"));
        if (attached && !arguments[index].startsWith("--")) {
            // Only long options take "=value"; picocli would read "-h=x" as -h with a value.
            throw new UsageException(arguments[index], "unknown option (see --help)");
        }
        if (MODE_FLAGS.contains(flag)) {
            if (parsed.modeFlag != null) {
                throw new UsageException(flag, "cannot be combined with " + parsed.modeFlag);
            }
            parsed.modeFlag = flag;
        }
        if (option.arity().max() == 0) {
            if (attached && !flag.equals("--help")) {
                throw new UsageException(flag, "takes no value");
            }
            if (attached) {
                args.pop();
            }
            option.setValue(true);
            return true;
        }
        if (args.isEmpty() || (attached ? args.peek().isEmpty()
                : args.peek().startsWith("--") && args.peek().length() > 2)) {
            throw new UsageException(flag, "needs a value");
        }
        if (!attached) {
            values.add(index);
        }
        option.setValue(args.pop());
        return true;
    }

    /** Whether a {@code --} that is not some option's value comes before this argument. */
    private boolean afterEndOfOptions(int index) {
        for (int i = 0; i < index; i++) {
            if (arguments[i].equals("--") && !values.contains(i)) {
                return true;
            }
        }
        return false;
    }
}
