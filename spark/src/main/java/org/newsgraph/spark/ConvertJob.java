package org.newsgraph.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.GzipCodec;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.util.LongAccumulator;
import org.newsgraph.error.NewsgraphException;
import org.newsgraph.extract.Lexicon;
import org.newsgraph.nlp.NlpProfile;
import org.newsgraph.rdf.IriMinter;
import org.newsgraph.read.ReadResult;
import scala.Tuple2;

/**
 * Converts article files to N-Quads on a Spark cluster: the graph {@code newsgraph convert}
 * writes for the same files, split into partitions.
 *
 * <pre>{@code
 * JobSummary done = ConvertJob.builder()
 *         .input("s3a://news/2025/")
 *         .output("hdfs:///graphs/news-2025")
 *         .build()
 *         .run(sparkContext);
 * }</pre>
 *
 * <h2>Input</h2>
 * Each input is a file, a folder (read recursively) or a glob, in any file system Spark
 * reads. As in {@code convert}, a {@code .txt} file is one article named after the file and a
 * {@code .jsonl} file one article per line; other files are skipped, and so are files and
 * folders whose names start with {@code .} or (Hadoop's rule) {@code _}; a file found twice
 * is read once; and of articles sharing an id the first (inputs in the order
 * given, then by path, then by line) keeps it and the others fail. A missing input fails the
 * job before any work. Each file is read whole by one task, so split a huge {@code .jsonl}
 * into files of a few thousand lines.
 *
 * <h2>Output</h2>
 * The output folder must not exist. {@code quads/part-NNNNN.nq} hold the articles' graphs,
 * each article whole in one file; {@code errors/part-NNNNN.txt} hold one line
 * {@code "<source>: <problem>"} per file or article that gave no graph (there is no
 * {@code errors} folder when none failed). A bad article never fails the job.
 *
 * <h2>Cost</h2>
 * Every executor loads the CoreNLP models once (~30 s, ~2 GB of heap, so give executors 4 GB
 * or more); its tasks share them. The files are read once, and parsed twice: once to find
 * duplicate ids, once to convert, which costs little next to the NLP.
 */
public final class ConvertJob {

    /** How many failure messages a {@link JobSummary} carries. */
    public static final int FAILURES_SHOWN = 20;

    private static final String RECURSIVE = "mapreduce.input.fileinputformat.input.dir.recursive";

    private final List<String> inputs;
    private final String output;
    private final String base;
    private final NlpProfile profile;
    private final Optional<String> lexicon;
    private final Optional<Integer> partitions;
    private final boolean gzip;
    private final Converters.Factory converters;

    private ConvertJob(Builder b) {
        if (b.inputs.isEmpty()) {
            throw new IllegalArgumentException("no input path given");
        }
        if (b.output == null) {
            throw new IllegalArgumentException("no output folder given");
        }
        this.inputs = List.copyOf(b.inputs);
        this.output = b.output;
        this.base = b.base;
        this.profile = b.profile;
        this.lexicon = b.lexicon;
        this.partitions = b.partitions;
        this.gzip = b.gzip;
        this.converters = b.converters;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs the job on {@code sc} and waits for it; throws only when the job itself cannot run. */
    public JobSummary run(JavaSparkContext sc) {
        if (exists(sc, new Path(output))) {
            // Hadoop would say so too, but only after the first pass over the input.
            throw new NewsgraphException(output + ": already exists; give a new output folder or remove it");
        }
        sc.hadoopConfiguration().setBoolean(RECURSIVE, true);
        ConverterSettings settings = new ConverterSettings(base, profile,
                lexicon.map(folder -> wordLists(sc, new Path(folder))).orElse(Map.of()));
        int slices = partitions.orElse(Math.max(1, sc.defaultParallelism() * 4));

        // Keyed by path and reduced, so that a file found under two inputs is read once; the
        // shuffle also spreads the files over `slices` partitions, which binaryFiles alone
        // would not do for small files (it packs up to 4 MB of them into one partition).
        JavaPairRDD<String, InputFile> files = null;
        for (int i = 0; i < inputs.size(); i++) {
            int input = i;
            JavaPairRDD<String, InputFile> found = sc.binaryFiles(inputs.get(i))
                    .filter(file -> InputFile.isArticleFile(file._1()))
                    .mapToPair(file -> new Tuple2<>(file._1(), new InputFile(input, file._2().toArray())));
            files = files == null ? found : files.union(found);
        }
        // Not cached: both passes below read the shuffle's output, which Spark keeps on disk,
        // and a cache would take executor memory from CoreNLP, which Spark does not see.
        files = files.reduceByKey(InputFile::earlier, slices);

        Broadcast<Map<String, ArticlePlace>> duplicateIds = sc.broadcast(duplicateIds(files));
        LongAccumulator articles = sc.sc().longAccumulator("articles converted");
        LongAccumulator quads = sc.sc().longAccumulator("quads written");
        JavaPairRDD<String, String> records = files.mapPartitionsToPair(
                new PartitionConverter(settings, converters, duplicateIds, articles, quads));
        if (gzip) {
            records.saveAsHadoopFile(output, String.class, String.class, NQuadsOutputFormat.class, GzipCodec.class);
        } else {
            records.saveAsHadoopFile(output, String.class, String.class, NQuadsOutputFormat.class);
        }
        return summary(sc, articles.value(), quads.value());
    }

    /** For each id more than one article has, the place of the article that keeps it. */
    private static Map<String, ArticlePlace> duplicateIds(JavaPairRDD<String, InputFile> files) {
        Map<String, ArticlePlace> firstOfId = files
                .flatMapToPair(file -> file._2().stream(file._1())
                        .filter(read -> read.result() instanceof ReadResult.Success)
                        .map(read -> new Tuple2<>(((ReadResult.Success) read.result()).article().id(),
                                new Tuple2<>(read.place(), 1L)))
                        .iterator())
                .reduceByKey((a, b) -> new Tuple2<>(ArticlePlace.first(a._1(), b._1()), a._2() + b._2()))
                .filter(id -> id._2()._2() > 1)
                .mapValues(Tuple2::_1)
                .collectAsMap();
        return new HashMap<>(firstOfId);
    }

    private JobSummary summary(JavaSparkContext sc, long articles, long quads) {
        Path errors = new Path(output, NQuadsOutputFormat.ERRORS);
        if (!exists(sc, errors)) {
            return new JobSummary(articles, quads, 0, List.of());
        }
        JavaRDD<String> lines = sc.textFile(errors.toString());
        return new JobSummary(articles, quads, lines.count(), new ArrayList<>(lines.take(FAILURES_SHOWN)));
    }

    /** The text of each file in {@code folder}, by name, checked by making the lexicon once here. */
    private static Map<String, String> wordLists(JavaSparkContext sc, Path folder) {
        Map<String, String> files = new HashMap<>();
        try {
            FileSystem fs = folder.getFileSystem(sc.hadoopConfiguration());
            if (!fs.getFileStatus(folder).isDirectory()) {
                throw new NewsgraphException(folder + ": --lexicon needs a folder of word lists");
            }
            for (FileStatus f : fs.listStatus(folder)) {
                if (f.isFile()) {
                    try (InputStream in = fs.open(f.getPath())) {
                        files.put(f.getPath().getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (FileNotFoundException e) {
            throw new NewsgraphException(folder + ": lexicon folder not found", e);
        } catch (IOException e) {
            throw new NewsgraphException(folder + ": cannot read the lexicon folder: " + e.getMessage(), e);
        }
        Lexicon.withExtensions(files); // a bad line fails the job here, not in every task
        return files;
    }

    private static boolean exists(JavaSparkContext sc, Path path) {
        try {
            return path.getFileSystem(sc.hadoopConfiguration()).exists(path);
        } catch (IOException e) {
            throw new NewsgraphException(path + ": cannot look at it: " + e.getMessage(), e);
        }
    }

    /** Options of a job; inputs and the output are required. */
    public static final class Builder {
        private final List<String> inputs = new ArrayList<>();
        private String output;
        private String base = IriMinter.DEFAULT_BASE;
        private NlpProfile profile = NlpProfile.DEFAULT;
        private Optional<String> lexicon = Optional.empty();
        private Optional<Integer> partitions = Optional.empty();
        private boolean gzip;
        private Converters.Factory converters = Converters.SHARED;

        private Builder() {
        }

        /** A file, folder or glob of articles, as Spark names paths ({@code hdfs://...}, {@code s3a://...}). */
        public Builder input(String path) {
            inputs.add(Objects.requireNonNull(path, "path"));
            return this;
        }

        /** The folder to write, which must not exist yet. */
        public Builder output(String folder) {
            this.output = Objects.requireNonNull(folder, "folder");
            return this;
        }

        /** Base of the minted IRIs, as {@code convert --base}; default {@link IriMinter#DEFAULT_BASE}. */
        public Builder base(String iri) {
            new IriMinter(iri);   // fails now, on the driver, rather than in every task
            this.base = iri;
            return this;
        }

        /** The NLP settings, as {@code convert --profile}; default {@link NlpProfile#DEFAULT}. */
        public Builder profile(NlpProfile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /**
         * A folder of extra word lists, as {@code convert --lexicon}, as Spark names paths: the
         * driver reads it and sends its files to the executors.
         */
        public Builder lexicon(String folder) {
            this.lexicon = Optional.of(Objects.requireNonNull(folder, "folder"));
            return this;
        }

        /**
         * How many partitions to convert in, and so at most how many files each output has;
         * default four per core of the cluster, so that slow articles even out.
         */
        public Builder partitions(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("partitions must be at least 1, not " + count);
            }
            this.partitions = Optional.of(count);
            return this;
        }

        /** Whether to gzip the output files ({@code part-NNNNN.nq.gz}); off by default. */
        public Builder gzip(boolean gzip) {
            this.gzip = gzip;
            return this;
        }

        /** Where tasks get their converter; tests give one with a fake annotator. */
        Builder converters(Converters.Factory factory) {
            this.converters = Objects.requireNonNull(factory, "factory");
            return this;
        }

        public ConvertJob build() {
            return new ConvertJob(this);
        }
    }
}
