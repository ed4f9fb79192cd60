package org.newsgraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

/** {@code --max-article-size}: its sizes, and an article over it failing alone. */
class ReadOptionsTest {

    @TempDir
    Path tmp;

    @Test
    void sizesAreBytesOrKilobytesMegabytesGigabytes() {
        ReadOptions.Size size = new ReadOptions.Size();

        assertEquals(4096L, size.convert("4096"));
        assertEquals(500L * 1024, size.convert("500k"));
        assertEquals(2L * 1024 * 1024, size.convert("2MB"));
        assertEquals(1L << 30, size.convert(" 1 GB "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "2XB", "-5", "1.5MB", "MB"})
    void otherSizesAreRefusedSayingWhatASizeIs(String value) {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> new ReadOptions.Size().convert(value));

        assertTrue(e.getMessage().contains("is not a size such as 500KB, 20MB or 1048576"), e.getMessage());
    }

    @Test
    void anArticleOverTheLimitFailsAloneNamingTheOption() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("long.txt"), "The council met on Monday to discuss the budget of the city.\n");
        Files.writeString(in.resolve("short.txt"), "The council met.\n");

        IngestCommandTest.Run run = IngestCommandTest.run("ingest", in.toString(), "--max-article-size", "40");

        assertEquals(Main.SOME_FAILED, run.exit(), run.err());
        assertTrue(run.hasLine("error: ", "long.txt: article is 61 bytes, more than the limit of 40 bytes",
                "--max-article-size"), run.err());
        assertTrue(run.err().contains("1 ingested, 0 unchanged, 1 failed"), run.err());
    }
}
