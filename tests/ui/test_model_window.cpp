// Whole models in the window: opening folders and built-in models off the GUI thread, the layer
// control, the model view of every layer × head, and refusals that change nothing.
#include "../support/window_start.h"

#include <attention_session.h>
#include <head_grid_view.h>
#include <main_window.h>
#include <model_loader.h>
#include <model_selector.h>
#include <model_view.h>

#include <QComboBox>
#include <QFileInfo>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

using namespace attnviz;
using namespace attnviz::ui;
using namespace attnviz::ui::testing;

class TestModelWindow : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<AttentionSession> m_session;
    std::unique_ptr<MainWindow> m_window;

    void openAndWait(const QString &model) {
        const QString error = openModelAndWait(*m_window, *m_session, model);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() { QVERIFY(startWindow(m_session, m_window)); }

    void cleanup() {
        m_window.reset();
        m_session.reset();
    }

    void folderOpensOffTheGuiThread() {
        QVERIFY(m_window->openModel(fixtureModel("gpt2_plain"), true));
        // The result arrives through the event loop: right after the call nothing has changed.
        QVERIFY(!m_session->hasModel());
        QTRY_VERIFY(m_session->hasModel());
        m_session->waitForIdle();
        const auto snapshot = m_session->snapshot();
        QVERIFY(snapshot->run);
        QCOMPARE(m_window->headGrid()->headCount(), 4);
        QCOMPARE(snapshot->tokens.first(), QString("The"));
        QCOMPARE(snapshot->tokens.at(1), QString("cat")); // Ġ removed for display
    }

    void modelViewShowsEveryLayerAndOpensOne() {
        openAndWait(fixtureModel("bert"));
        ModelView *view = m_window->modelView();
        QCOMPARE(view->layerCount(), 2);
        QCOMPARE(view->headCount(), 4);
        m_window->viewTabs()->setCurrentWidget(view);
        QTRY_VERIFY(view->paintCount() > 0);
        const QString tip = view->toolTipAt(view->thumbnailRect(1, 2).center());
        QVERIFY2(tip.startsWith("Layer 2, head 3"), qPrintable(tip));
        QTest::mouseClick(view, Qt::LeftButton, {}, view->thumbnailRect(1, 2).center());
        QTRY_COMPARE(m_session->layer(), 1); // after the double-click interval
        QCOMPARE(m_window->viewTabs()->currentWidget(),
                 static_cast<QWidget *>(m_window->headGrid()));
        QCOMPARE(m_session->snapshot()->layer, 1);
        QVERIFY(m_session->snapshot()->result.attention.heads[0].weights ==
                m_session->snapshot()->run->trace.layers[1].attention.heads[0].weights);
        QCOMPARE(m_window->modelSelector()->layerControl()->value(), 2);
    }

    void unknownWordsAreMarkedOnTheAxes() {
        openAndWait(fixtureModel("bert"));
        m_session->setSentence("A zebra ran home!");
        m_session->waitForIdle();
        QCOMPARE(m_session->snapshot()->tokens.at(2), QString("zebra?")); // [UNK] in the model
        QCOMPARE(m_session->snapshot()->tokens.at(3), QString("ran"));
    }

    void pageKeysChangeLayer() {
        openAndWait(fixtureModel("distilbert"));
        QCOMPARE(m_session->layer(), 0);
        QTest::keyClick(m_window.get(), Qt::Key_PageDown);
        QCOMPARE(m_session->layer(), 1);
        QTest::keyClick(m_window.get(), Qt::Key_PageDown);
        QTest::keyClick(m_window.get(), Qt::Key_PageDown); // past the last layer: stays
        QCOMPARE(m_session->layer(), 2);
        QTest::keyClick(m_window.get(), Qt::Key_PageUp);
        QCOMPARE(m_session->layer(), 1);
    }

    void badFolderChangesNothing_data() {
        QTest::addColumn<QString>("missing");
        QTest::newRow("no weights") << "model.safetensors";
        QTest::newRow("no config") << "config.json";
        QTest::newRow("no tokenizer") << "tokenizer.json";
    }

    void badFolderChangesNothing() {
        QFETCH(QString, missing);
        QTemporaryDir dir;
        std::filesystem::copy(fixtureModel("distilbert").toStdString(), dir.path().toStdString());
        QVERIFY(QFile::remove(dir.filePath(missing)));
        const auto before = m_session->snapshot();
        QVERIFY(m_window->openModel(dir.path(), true));
        QTRY_VERIFY(!m_window->modelLoader()->isLoading());
        QTest::qWait(0);
        QVERIFY(!m_session->hasModel());
        QCOMPARE(m_session->snapshot(), before);
        QCOMPARE(m_window->modelSelector()->modelControl()->currentIndex(), 0); // still random
    }

    void sessionKeepsTheModelAndLayer() {
        openAndWait(fixtureModel("distilbert"));
        m_session->setLayer(2);
        QTemporaryDir dir;
        const QString path = dir.filePath("model.attnviz");
        QVERIFY(m_window->saveSessionTo(path, true));
        cleanup();
        init();
        QVERIFY(!m_session->hasModel());
        QVERIFY(m_window->openSession(path, true));
        QTRY_VERIFY(m_session->hasModel() && m_session->layer() == 2);
        m_session->waitForIdle();
        QCOMPARE(m_session->snapshot()->layer, 2);
        QCOMPARE(QFileInfo(m_session->modelSource()).fileName(), QString("distilbert"));
    }

    void builtinFamilyOffersExactlyItsTrainedVariants() {
        ModelSelector *selector = m_window->modelSelector();
        if (selector->builtins().empty())
            QSKIP("no built-in models in this tree");
        const BuiltinModelInfo &first = selector->builtins().front();
        openAndWait(QString::fromStdString(first.name));
        QList<int> trained;
        for (const BuiltinModelInfo &info : selector->builtins())
            if (info.family == first.family)
                trained << info.heads;
        QCOMPARE(selector->variantHeadCounts(), trained);
        const std::string sentence = m_session->options().sentence;
        if (trained.size() > 1) {
            QVERIFY(selector->chooseVariant(trained.last()));
            QTRY_COMPARE(m_session->options().attention.heads, trained.last());
            m_session->waitForIdle();
            QCOMPARE(m_session->options().sentence, sentence); // the sentence stays
            QCOMPARE(m_window->headGrid()->headCount(), trained.last());
        }
        m_window->modelSelector()->modelControl()->setCurrentIndex(0);
        emit m_window->modelSelector()->modelControl()->activated(0); // back to random weights
        QVERIFY(!m_session->hasModel());
    }
};

QTEST_MAIN(TestModelWindow)
#include "test_model_window.moc"
