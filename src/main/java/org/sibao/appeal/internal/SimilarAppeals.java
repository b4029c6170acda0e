package org.sibao.appeal.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.sibao.identity.SqlFilter;
import org.springframework.stereotype.Component;

/**
 * Suggests open appeals similar to one being triaged: same county and category, ranked by Lucene (BM25 over
 * smartcn-segmented Chinese title and description). The candidate set is small (open appeals of one county and
 * category), so an in-memory index is built per request from SQL and thrown away: nothing to keep in sync.
 */
@Component
class SimilarAppeals {

    /** Candidates beyond this many (newest first) are not considered. */
    static final int MAX_CANDIDATES = 500;

    record Similar(AppealRow appeal, float score) {
    }

    private final AppealRepository repository;
    private final Analyzer analyzer = new SmartChineseAnalyzer();

    SimilarAppeals(AppealRepository repository) {
        this.repository = repository;
    }

    List<Similar> similarTo(AppealRow target, SqlFilter scope, int limit) {
        List<Object> params = new ArrayList<>(List.of(target.regionCode(), target.category().name(), target.id()));
        params.addAll(scope.params());
        SqlFilter where = new SqlFilter("a.region_code = ? AND a.category = ? AND a.id <> ? AND " + AppealSql.OPEN
                + " AND (" + scope.sql() + ")", params);
        List<AppealRow> candidates = repository.list(where, "a.filed_at DESC", MAX_CANDIDATES, 0);
        if (candidates.isEmpty()) {
            return List.of();
        }
        return rank(target.title() + "\n" + target.description(), candidates, limit);
    }

    List<Similar> rank(String text, List<AppealRow> candidates, int limit) {
        Map<String, AppealRow> byId = candidates.stream().collect(Collectors.toMap(AppealRow::id, Function.identity()));
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
                for (AppealRow a : candidates) {
                    Document doc = new Document();
                    doc.add(new StringField("id", a.id(), Field.Store.YES));
                    doc.add(new TextField("title", a.title(), Field.Store.NO));
                    doc.add(new TextField("body", a.description(), Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                TopDocs top = searcher.search(query(text), limit);
                List<Similar> out = new ArrayList<>();
                for (ScoreDoc sd : top.scoreDocs) {
                    String id = searcher.storedFields().document(sd.doc).get("id");
                    out.add(new Similar(byId.get(id), sd.score));
                }
                return out;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every term of the text, in the title (weighted double) or the body; no operator in the text is honoured. */
    private Query query(String text) {
        String escaped = QueryParser.escape(text.length() > 500 ? text.substring(0, 500) : text);
        try {
            QueryParser titles = new QueryParser("title", analyzer);
            QueryParser bodies = new QueryParser("body", analyzer);
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            b.add(new org.apache.lucene.search.BoostQuery(titles.parse(escaped), 2f), BooleanClause.Occur.SHOULD);
            b.add(bodies.parse(escaped), BooleanClause.Occur.SHOULD);
            return b.build();
        } catch (ParseException e) {
            throw new IllegalArgumentException("unparseable similarity text", e);
        }
    }
}
