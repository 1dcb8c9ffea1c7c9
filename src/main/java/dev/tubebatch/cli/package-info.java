/**
 * The command line: {@code tubebatch batch [options] [URL...]} runs a batch in this process on the same engine,
 * database and exports as the web app, shows progress on the console and ends with an exit code a script can act
 * on. {@link dev.tubebatch.cli.CliArguments} parses (no Spring); {@link dev.tubebatch.cli.BatchCommand} runs.
 */
@NullMarked
package dev.tubebatch.cli;

import org.jspecify.annotations.NullMarked;
