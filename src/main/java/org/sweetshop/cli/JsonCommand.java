package org.sweetshop.cli;

/** A command with {@code --json}: its refusals are printed as JSON on stdout too. */
interface JsonCommand {
    boolean json();
}
