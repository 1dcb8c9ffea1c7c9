/**
 * The command line: {@code tubebatch batch [options] [URL...]} runs a batch in this process on the same engine,
 * database and exports as the web app (in the folder of a running app, on that app's embedded database and
 * workers), shows progress on the console and ends with an exit code a script can act on.
 * {@link dev.tubebatch.cli.CliArguments} parses with picocli (no Spring; the options are in
 * {@link dev.tubebatch.cli.CliSpec}, the help layout in {@link dev.tubebatch.cli.CliHelp}, how each argument is taken
 * in {@link dev.tubebatch.cli.ArgumentPreprocessor}); {@link dev.tubebatch.cli.BatchCommand} runs,
 * {@link dev.tubebatch.cli.BatchFollower} follows a batch and {@link dev.tubebatch.cli.BatchReport} prints its end.
 */
@NullMarked
package dev.tubebatch.cli;

import org.jspecify.annotations.NullMarked;
