package org.spotlerconnector.cli;

import picocli.CommandLine.Command;

/** {@code mapping}: commands about the mapping, for the administrator who writes it. */
@Command(name = "mapping", mixinStandardHelpOptions = true,
    description = "Commands about the mapping; see mapping preview.",
    subcommands = MappingPreviewCommand.class)
final class MappingCommand {}
