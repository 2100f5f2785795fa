// The window as the command line opens it: `--model DIR --layer K`, a session with a model and a
// layer, and --layer's refusals. The window is built in-process, as main() builds it.
#include "command_line.h"
#include "window_start.h"

#include <attention_session.h>
#include <main_window.h>

#include <QApplication>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace attnviz;
using namespace attnviz::ui;

namespace {

QString fixtureModel(const char *name) {
    return QStringLiteral(ATTNVIZ_FIXTURE_DIR "/models/") + QString::fromLatin1(name);
}

ParsedCommandLine parse(const QStringList &arguments) {
    return parseCommandLine(QStringList{QStringLiteral("attnviz")} + arguments);
}

} // namespace

class TestWindowStart : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<AttentionSession> m_session;
    std::unique_ptr<MainWindow> m_window;

    // Starts the window as main() does; empty when the command line was followed.
    QString start(const QStringList &arguments) {
        const ParsedCommandLine parsed = parse(arguments);
        if (!parsed.options)
            return QStringLiteral("parse: ") + parsed.error;
        if (parsed.options->action != CommandLineOptions::Action::OpenWindow)
            return QStringLiteral("not the window");
        return prepareWindow(*m_window, *m_session, *parsed.options);
    }

    void waitForModel() {
        QTRY_VERIFY(m_session->hasModel());
        m_session->waitForIdle();
        QVERIFY2(m_session->errorText().isEmpty(), qPrintable(m_session->errorText()));
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init() {
        m_session = std::make_unique<AttentionSession>();
        m_window = std::make_unique<MainWindow>(m_session.get());
    }

    void cleanup() {
        m_window.reset();
        m_session.reset();
    }

    void modelOpensOnTheGivenLayer() {
        QCOMPARE(start({"--model", fixtureModel("gpt2_plain"), "--layer", "3"}), QString());
        waitForModel();
        QTRY_COMPARE(m_session->layer(), 2); // 0-based
        m_session->waitForIdle();
        QCOMPARE(m_session->snapshot()->layer, 2);
        QVERIFY(!m_window->isWindowModified()); // the command line's choice is not an edit
    }

    void modelWithoutLayerOpensOnTheFirst() {
        QCOMPARE(start({"--model", fixtureModel("gpt2_plain")}), QString());
        waitForModel();
        QCOMPARE(m_session->layer(), 0);
    }

    void layerPastTheModelSaysSoAndShowsTheFirst() {
        QString shown;
        QTimer closer;
        connect(&closer, &QTimer::timeout, this, [&] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                shown = box->text();
                box->close();
            }
        });
        closer.start(20);
        QCOMPARE(start({"--model", fixtureModel("gpt2_plain"), "--layer", "4"}), QString());
        waitForModel();
        QTRY_VERIFY(!shown.isEmpty());
        QVERIFY2(shown.contains("no layer 4") && shown.contains("1 to 3"), qPrintable(shown));
        QCOMPARE(m_session->layer(), 0);
    }

    void sessionOpensOnItsLayerOrTheGivenOne() {
        QTemporaryDir dir;
        const QString path = dir.filePath("model.attnviz");
        {
            AttentionSession session;
            MainWindow window(&session);
            QVERIFY(window.openModel(fixtureModel("distilbert"), true, 1));
            QTRY_VERIFY(session.hasModel() && session.layer() == 1);
            QVERIFY(window.saveSessionTo(path, true));
        }
        QCOMPARE(start({path}), QString());
        waitForModel();
        QTRY_COMPARE(m_session->layer(), 1);
        cleanup();
        init();
        QCOMPARE(start({"--session", path, "--layer", "3"}), QString());
        waitForModel();
        QTRY_COMPARE(m_session->layer(), 2);
    }

    void layerNeedsAModelOrAFigure() {
        QVERIFY(parse({"--layer", "2"}).error.contains("--export"));
        const ParsedCommandLine dump =
            parse({"--model", fixtureModel("gpt2_plain"), "--layer", "2", "--dump", "-"});
        QVERIFY(!dump.options);
        QVERIFY(dump.error.contains("--layer"));
        QVERIFY(!parse({"--model", fixtureModel("gpt2_plain"), "--layer", "0"}).options);
    }
};

QTEST_MAIN(TestWindowStart)
#include "test_window_start.moc"
