package org.newsgraph.rdf;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.newsgraph.error.NewsgraphException;
import org.newsgraph.transfer.Parsers;

/** What the Rio writer writes, Jena reads back as the same graphs. */
class RioStreamWriterTest {

    private static DatasetGraph mapped() {
        DatasetGraph ds = DatasetGraphFactory.createTxnMem();
        FactMapper.create(IriMinter.standard()).map(FactMapperTest.sampleFacts(), StreamRDFLib.dataset(ds));
        return ds;
    }

    private static byte[] write(DatasetGraph ds, OutputFormat format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RioStreamWriter w = RioStreamWriter.create(bytes, format);
        w.start();
        ds.find().forEachRemaining(w::quad);
        w.finish();
        return bytes.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(value = OutputFormat.class, names = "BINARY", mode = EnumSource.Mode.EXCLUDE)
    void writtenOutputParsesBackToTheSameGraphs(OutputFormat format) {
        DatasetGraph original = mapped();
        DatasetGraph back = DatasetGraphFactory.createTxnMem();
        RDFParser.source(new ByteArrayInputStream(write(original, format))).lang(Parsers.jenaLang(format)).parse(back);
        if (format.keepsGraphs()) {
            assertTrue(IsoMatcher.isomorphic(original, back), format + " changed the dataset");
        } else {
            Graph union = original.getUnionGraph();
            assertTrue(IsoMatcher.isomorphic(union, back.getDefaultGraph()), format + " changed the union graph");
        }
    }

    @Test
    void unknownFormatNamesTheChoices() {
        NewsgraphException e = assertThrows(NewsgraphException.class, () -> OutputFormat.named("yaml"));
        assertTrue(e.getMessage().contains("nquads"), e.getMessage());
    }
}
