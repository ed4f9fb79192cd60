/** The command line: thin picocli commands over the library; picocli stays in this package. */
package org.newsgraph.cli;
