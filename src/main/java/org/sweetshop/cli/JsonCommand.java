package org.sweetshop.cli;

import picocli.CommandLine.Option;

/** A command with {@code --json}: its result, and its refusals too, are printed as JSON on stdout. */
abstract class JsonCommand extends CliCommand {

    @Option(names = "--json", description = "print the result as JSON")
    boolean json;

    boolean json() {
        return json;
    }
}
