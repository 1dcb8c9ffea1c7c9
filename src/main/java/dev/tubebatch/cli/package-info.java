/**
 * The command line: {@code tubebatch batch [options] [URL...]} runs a batch in this process on the same engine,
 * database and exports as the web app (in the folder of a running app, on that app's embedded database and
 * workers), shows progress on the console and ends with an exit code a script can act on.
 * {@link dev.tubebatch.cli.CliArguments} parses with picocli (no Spring; the options are in
 * {@link dev.tubebatch.cli.CliSpec}); {@link dev.tubebatch.cli.BatchCommand} runs.
 */
@NullMarked
package dev.tubebatch.cli;

import org.jspecify.annotations.NullMarked;
