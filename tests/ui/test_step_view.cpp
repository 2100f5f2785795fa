// The step view draws the core's own intermediates, its scaling toggle changes only the scores,
// its hover text states the dot product it shows, and it exports figures.
#include "../support/drawn_matrix.h"

#include <attention_session.h>
#include <step_view.h>

#include <attnviz/attention_weights.h>
#include <attnviz/model/model_folder.h>
#include <attnviz/model/model_run.h>
#include <attnviz/pipeline.h>

#include <QRegularExpression>
#include <QScrollArea>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace attnviz;
using namespace attnviz::ui;
using namespace attnviz::ui::testing;

namespace {

std::shared_ptr<SessionSnapshot> randomSnapshot(bool causal) {
    auto snapshot = std::make_shared<SessionSnapshot>();
    snapshot->options.sentence = "the cat sat on the mat because it was warm";
    snapshot->options.attention = AttentionConfig{32, 4, 16, 8, causal, false};
    auto weights =
        std::make_shared<AttentionWeights>(makeRandomWeights(snapshot->options.attention, 5));
    snapshot->weights = weights;
    snapshot->result = runPipeline(snapshot->options, *weights);
    for (const Token &t : snapshot->result.tokens)
        snapshot->tokens << QString::fromStdString(t.text);
    return snapshot;
}

std::shared_ptr<SessionSnapshot> modelSnapshot(const char *folder, int layer) {
    auto snapshot = std::make_shared<SessionSnapshot>();
    auto loaded = std::make_shared<LoadedModel>(
        loadModelFolder(std::string(ATTNVIZ_FIXTURE_DIR "/models/") + folder));
    auto run =
        std::make_shared<ModelRun>(runModelOnSentence(loaded->model, "the cat sat on the mat"));
    for (const EncodedToken &t : run->tokens)
        snapshot->tokens << QString::fromStdString(t.display);
    snapshot->result.attention = run->trace.layers[static_cast<std::size_t>(layer)].attention;
    snapshot->model = loaded;
    snapshot->run = run;
    snapshot->layer = layer;
    return snapshot;
}

} // namespace

class TestStepView : public QObject {
    Q_OBJECT
private slots:
    void randomConfigurationIsTheCores_data() {
        QTest::addColumn<bool>("causal");
        QTest::addColumn<int>("head");
        QTest::newRow("bidirectional, head 3") << false << 2;
        QTest::newRow("causal, head 1") << true << 0;
    }

    void randomConfigurationIsTheCores() {
        QFETCH(bool, causal);
        QFETCH(int, head);
        const auto snapshot = randomSnapshot(causal);
        StepView view;
        view.setSnapshot(snapshot);
        view.showHead(0, head);
        QVERIFY2(view.errorText().isEmpty(), qPrintable(view.errorText()));
        QCOMPARE(view.head(), head);
        // The window's own result, computed by runPipeline, is what the view draws.
        const HeadResult &window = snapshot->result.attention.heads[static_cast<std::size_t>(head)];
        QVERIFY(drawn(view, StepMatrix::X) == snapshot->result.input);
        QVERIFY(drawn(view, StepMatrix::Q) == window.q);
        QVERIFY(drawn(view, StepMatrix::K) == window.k);
        QVERIFY(drawn(view, StepMatrix::V) == window.v);
        QVERIFY(drawn(view, StepMatrix::Probabilities) == window.weights);
        QVERIFY(drawn(view, StepMatrix::HeadOutput) == window.output);
        QVERIFY(drawn(view, StepMatrix::Concat) == snapshot->result.attention.concat);
        QVERIFY(drawn(view, StepMatrix::Output) == snapshot->result.attention.output);
        QCOMPARE(view.diagram().matrix(StepMatrix::MaskedScores) != nullptr, causal);
        if (causal)
            for (Eigen::Index i = 0; i < window.scores.rows(); ++i)
                for (Eigen::Index j = 0; j <= i; ++j)
                    QCOMPARE(drawn(view, StepMatrix::MaskedScores)(i, j), window.scores(i, j));
    }

    void modelLayerIsTheCores() {
        const auto snapshot = modelSnapshot("bert", 1);
        StepView view;
        view.setSnapshot(snapshot);
        QCOMPARE(view.layer(), 1); // follows the window's layer
        view.showHead(1, 1);
        QVERIFY2(view.errorText().isEmpty(), qPrintable(view.errorText()));
        const AttentionResult &layer = snapshot->run->trace.layers[1].attention;
        QVERIFY(drawn(view, StepMatrix::Probabilities) == layer.heads[1].weights);
        QVERIFY(drawn(view, StepMatrix::Concat) == layer.concat);
        QVERIFY(drawn(view, StepMatrix::Output) == layer.output);
        // BERT normalises after attention, so the head's X is the layer's input itself.
        QVERIFY(drawn(view, StepMatrix::X) == snapshot->run->trace.layers[1].input);
        view.showHead(7, 99); // clamped, not a crash
        QCOMPARE(view.layer(), snapshot->model->model.layers() - 1);
        QCOMPARE(view.head(), snapshot->model->model.blocks.back().attention.heads - 1);
    }

    void hiddenViewComputesWhenShown() {
        const auto snapshot = randomSnapshot(false);
        StepView view;
        view.setSnapshot(snapshot);
        QVERIFY(view.diagram().isEmpty()); // a background tab costs nothing per result
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(!view.diagram().isEmpty());
        QVERIFY(drawn(view, StepMatrix::Probabilities) ==
                snapshot->result.attention.heads[0].weights);
        // Once visible, a new result is drawn at once.
        const auto next = randomSnapshot(true);
        view.setSnapshot(next);
        QVERIFY(drawn(view, StepMatrix::Probabilities) == next->result.attention.heads[0].weights);
    }

    void unscaledChangesOnlyTheScores_data() {
        QTest::addColumn<bool>("useModel");
        QTest::newRow("random module") << false;
        QTest::newRow("bert layer 1") << true;
    }

    void unscaledChangesOnlyTheScores() {
        QFETCH(bool, useModel);
        StepView view;
        view.setSnapshot(useModel ? modelSnapshot("bert", 0) : randomSnapshot(false));
        view.showHead(0, 1);
        const HeadSteps before = *view.diagram().steps();
        QVERIFY(std::isnan(view.unscaledEntropy()));
        view.setUnscaled(true);
        const HeadSteps &after = *view.diagram().steps();
        QVERIFY(after.x == before.x && after.q == before.q && after.k == before.k &&
                after.v == before.v);
        QVERIFY(after.rawScores == before.rawScores);
        QVERIFY(after.scaledScores == after.rawScores);
        QVERIFY(after.scaledScores != before.scaledScores);
        QVERIFY(after.probabilities != before.probabilities);
        // Without the scaling the softmax is sharper.
        QVERIFY(view.unscaledEntropy() < view.scaledEntropy());
        QVERIFY(view.scaledEntropy() > 0 && view.scaledEntropy() <= 1);
    }

    void hoverStatesTheDotProduct() {
        const auto snapshot = randomSnapshot(false);
        StepView view;
        view.resize(1280, 720);
        view.setSnapshot(snapshot);
        view.showHead(0, 0);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const int row = 2, column = 4;
        const QRectF cells = view.diagram().cellsRect(StepMatrix::Scores);
        const qreal n = static_cast<qreal>(snapshot->result.tokens.size());
        const QPointF at(cells.left() + (column + 0.5) * cells.width() / n,
                         cells.top() + (row + 0.5) * cells.height() / n);
        auto *scroll = view.findChild<QScrollArea *>();
        QWidget *canvas = scroll->widget();
        QTest::mouseMove(canvas, at.toPoint());
        QTRY_VERIFY(!view.hoverText().isEmpty());
        const QString text = view.hoverText();
        QVERIFY2(text.startsWith(QStringLiteral("q_3")), qPrintable(text));
        const QRegularExpression numbers(QStringLiteral("= (-?[0-9.]+); ÷ √(\\d+) = (-?[0-9.]+)"));
        const auto match = numbers.match(text);
        QVERIFY2(match.hasMatch(), qPrintable(text));
        const HeadResult &headResult = snapshot->result.attention.heads[0];
        const double dot = headResult.q.row(row).dot(headResult.k.row(column));
        QVERIFY2(std::abs(match.captured(1).toDouble() - dot) < 0.006, qPrintable(text));
        QCOMPARE(match.captured(2).toInt(), 16);
        QVERIFY2(std::abs(match.captured(3).toDouble() - dot / 4.0) < 0.006, qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("softmax of row 3")), qPrintable(text));

        // A head-output cell names the value rows it mixed.
        const QRectF output = view.diagram().cellsRect(StepMatrix::HeadOutput);
        const QPoint corner = (output.topLeft() + QPointF(2, 2)).toPoint();
        scroll->ensureVisible(corner.x(), corner.y());
        QTest::mouseMove(canvas, corner);
        QTRY_VERIFY(view.hoverText().startsWith(QStringLiteral("output_1[1]")));
        QVERIFY(view.hoverText().contains(QStringLiteral("v_")));
    }

    void explanationsNameMaskAndScaling() {
        StepView view;
        view.setSnapshot(randomSnapshot(true));
        view.showHead(0, 3);
        const StepDiagram &diagram = view.diagram();
        const QString masked = diagram.explain({StepMatrix::MaskedScores, 1, 4});
        QVERIFY2(masked.contains(QStringLiteral("masked to −∞")), qPrintable(masked));
        QVERIFY2(masked.contains(QStringLiteral("[0.00]")), qPrintable(masked)); // p = 0 exactly
        const QString visible = diagram.explain({StepMatrix::MaskedScores, 4, 1});
        QVERIFY2(!visible.contains(QStringLiteral("masked")), qPrintable(visible));
        view.setUnscaled(true);
        const QString unscaled = view.diagram().explain({StepMatrix::Scores, 4, 1});
        QVERIFY2(unscaled.contains(QStringLiteral("not scaled")) &&
                     !unscaled.contains(QStringLiteral("÷ √")),
                 qPrintable(unscaled));
    }

    void exportWritesFigures_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("png") << "steps.png";
        QTest::newRow("svg") << "steps.svg";
        QTest::newRow("pdf") << "steps.pdf";
    }

    void exportWritesFigures() {
        QFETCH(QString, name);
        QTemporaryDir dir;
        StepView view;
        view.setSnapshot(randomSnapshot(true));
        const QString path = dir.filePath(name);
        QCOMPARE(view.save(path), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.size() > 1000);
        if (name.endsWith(QLatin1String("png"))) {
            const QImage image = QImage::fromData(bytes, "png");
            QCOMPARE(image.size(), view.diagram().size().toSize() * 2);
        } else if (name.endsWith(QLatin1String("svg"))) {
            QVERIFY(bytes.contains("<svg"));
        } else {
            QVERIFY(bytes.startsWith("%PDF"));
        }
    }

    void exportRefusesBadPaths() {
        QTemporaryDir dir;
        StepView view;
        view.setSnapshot(randomSnapshot(false));
        const QString missing = dir.filePath(QStringLiteral("no/such/folder/steps.png"));
        QVERIFY(view.save(missing).contains(missing));
        QVERIFY(!QFile::exists(missing));
        QVERIFY(
            view.save(dir.filePath(QStringLiteral("steps.bmp"))).contains(QLatin1String(".svg")));
        StepView empty;
        QVERIFY(!empty.save(dir.filePath(QStringLiteral("empty.png"))).isEmpty());
    }
};

QTEST_MAIN(TestStepView)
#include "test_step_view.moc"
