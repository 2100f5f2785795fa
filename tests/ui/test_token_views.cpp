// Token views in the window: special tokens hidden and sub-word pieces merged in the head grid,
// the model view, figures and sessions, while the model's own run keeps every token.
#include "../support/window_start.h"

#include <attention_session.h>
#include <control_panel.h>
#include <figure_renderer.h>
#include <head_grid_view.h>
#include <heatmap_view.h>
#include <main_window.h>
#include <model_loader.h>
#include <model_view.h>
#include <session_file.h>
#include <token_view.h>

#include <attnviz/error.h>

#include <QCheckBox>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace attnviz;
using namespace attnviz::ui;
using namespace attnviz::ui::testing;

class TestTokenViews : public QObject {
    Q_OBJECT
    std::unique_ptr<AttentionSession> m_session;
    std::unique_ptr<MainWindow> m_window;

    void openAndWait(const QString &model, const char *sentence) {
        m_session->setSentence(QString::fromUtf8(sentence));
        const QString error = openModelAndWait(*m_window, *m_session, model);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    ControlPanel *controls() const { return m_window->controlPanel(); }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() { QVERIFY(startWindow(m_session, m_window, nullptr)); }

    void cleanup() {
        m_window.reset();
        m_session.reset();
    }

    void boxesAreEnabledOnlyWhenTheyApply() {
        m_session->waitForIdle();
        QVERIFY(!controls()->hideSpecialControl()->isEnabled()); // random module: words only
        QVERIFY(!controls()->mergeSubwordsControl()->isEnabled());
        openAndWait(fixtureModel("bert"), "teachers explained");
        QVERIFY(controls()->hideSpecialControl()->isEnabled());   // [CLS] … [SEP]
        QVERIFY(controls()->mergeSubwordsControl()->isEnabled()); // teach ##ers
        m_session->setSentence("the cat");
        m_session->waitForIdle();
        QVERIFY(!controls()->mergeSubwordsControl()->isEnabled()); // whole words only
    }

    void hidingSpecialTokensLeavesTheRunAlone() {
        openAndWait(fixtureModel("bert"), "teachers explained");
        const auto run = m_session->snapshot()->run;
        const int n = static_cast<int>(run->tokens.size());
        HeatmapView *head = m_window->headGrid()->headView(0);
        QCOMPARE(head->tokens().size(), n);
        QVERIFY(!head->cellToolTip(1, 1).contains("sums to"));
        controls()->hideSpecialControl()->setChecked(true);
        QCOMPARE(head->tokens().size(), n - 2);
        QVERIFY(!head->tokens().contains("[CLS]") && !head->tokens().contains("[SEP]"));
        QCOMPARE(m_session->snapshot()->run, run); // the model's run is not recomputed
        QCOMPARE(m_session->snapshot()->tokens.size(), n);
        // Absolute values: the cell is the model's weight, and the row says what it sums to.
        const Eigen::MatrixXf &full = run->trace.layers[0].attention.heads[0].weights;
        QCOMPARE(head->matrix()(0, 1), full(1, 2));
        const QString tip = head->cellToolTip(0, 0);
        QVERIFY2(tip.contains("This row sums to") && tip.contains("special tokens are hidden"),
                 qPrintable(tip));
        QVERIFY(head->matrix().row(0).sum() < 1.0f - 1e-4f);
        // The model view draws the same tokens, with the same note.
        ModelView *model = m_window->modelView();
        QCOMPARE(model->headCount(), 4);
        m_window->viewTabs()->setCurrentWidget(model);
        QVERIFY(model->toolTipAt(model->thumbnailRect(0, 0).center()).contains("sums to"));
        QVERIFY2(model->note().startsWith("2 special token") && model->note().contains("hidden"),
                 qPrintable(model->note()));
        controls()->hideSpecialControl()->setChecked(false);
        QCOMPARE(head->tokens().size(), n);
        QVERIFY(model->note().isEmpty());
    }

    void mergingShowsWords() {
        openAndWait(fixtureModel("gpt2_plain"), "The teachers explained");
        HeatmapView *head = m_window->headGrid()->headView(0);
        QVERIFY(head->tokens().size() > 3);
        controls()->mergeSubwordsControl()->setChecked(true);
        QCOMPARE(head->tokens(), (QStringList{"The", "teachers", "explained"}));
        for (int r = 0; r < 3; ++r) // words of a whole run: still distributions
            QVERIFY(std::abs(head->matrix().row(r).sum() - 1.0f) < 1e-5f);
        QVERIFY(!head->cellToolTip(1, 0).contains("sums to"));
        QVERIFY2(m_window->modelView()->note().contains("merged into 3 word"),
                 qPrintable(m_window->modelView()->note()));
    }

    void sessionsKeepTheTokenView() {
        openAndWait(fixtureModel("bert"), "teachers explained");
        controls()->hideSpecialControl()->setChecked(true);
        controls()->mergeSubwordsControl()->setChecked(true);
        QTemporaryDir dir;
        const QString path = dir.filePath("view.attnviz");
        QVERIFY(m_window->saveSessionTo(path, true));
        const SessionDocument saved = readSessionFile(path);
        QVERIFY(saved.tokenView.hideSpecial && saved.tokenView.mergeSubwords);
        cleanup();
        init();
        QVERIFY(!controls()->hideSpecialControl()->isChecked());
        QVERIFY(m_window->openSession(path, true));
        QTRY_VERIFY(m_session->hasModel() && !m_window->modelLoader()->isLoading());
        m_session->waitForIdle();
        QVERIFY(controls()->hideSpecialControl()->isChecked());
        QVERIFY(controls()->mergeSubwordsControl()->isChecked());
        QCOMPARE(m_window->headGrid()->headView(0)->tokens(),
                 (QStringList{"teachers", "explained"}));
    }

    void sessionsWithoutTheKeysShowEveryToken() {
        SessionDocument d;
        d.tokenView = {true, true};
        QJsonObject json = toJson(d);
        QJsonObject view = json["view"].toObject();
        view.remove("hide_special");
        view.remove("merge_subwords");
        json["view"] = view;
        const SessionDocument read = fromJson(json);
        QVERIFY(!read.tokenView.hideSpecial && !read.tokenView.mergeSubwords);
        view["hide_special"] = "yes";
        json["view"] = view;
        QVERIFY_THROWS_EXCEPTION(InputError, fromJson(json));
    }

    void figuresShowTheViewAndSayIt() {
        openAndWait(fixtureModel("bert"), "teachers explained");
        const auto shown = viewedSnapshot(m_session->snapshot(), {true, true});
        QCOMPARE(shown->tokens, (QStringList{"teachers", "explained"}));
        FigureOptions options;
        options.caption = true;
        FigureRenderer grid(*shown, options);
        QVERIFY(grid.caption().contains("special tokens hidden"));
        QVERIFY(grid.caption().contains("merged into words"));
        QCOMPARE(grid.panels().front()->tokens().size(), 2);
        options.part = FigureOptions::Part::Model;
        options.layer = -1;
        FigureRenderer model(*shown, options);
        QCOMPARE(model.panelCount(), 2 * 4);
        options.part = FigureOptions::Part::Grid;
        options.layer = 1; // another layer of the grouped run
        FigureRenderer second(*shown, options);
        QCOMPARE(second.panels().front()->tokens().size(), 2);
        QVERIFY(second.caption().contains("layer 2 of 2"));
        // Nothing to group: the snapshot itself.
        QCOMPARE(viewedSnapshot(m_session->snapshot(), {}), m_session->snapshot());
    }
};

QTEST_MAIN(TestTokenViews)
#include "test_token_views.moc"
