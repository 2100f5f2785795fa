// The Chinese interface: the language follows the locale, View ▸ Language switches it live and
// keeps every piece of state, and core errors reach the window translated.
#include "../support/file_size_limit.h"

#include <attention_session.h>
#include <control_panel.h>
#include <language.h>
#include <main_window.h>
#include <sentence_bar.h>
#include <slider_spin_box.h>
#include <translated_error.h>

#include <attnviz/attention_weights.h>
#include <attnviz/error.h>
#include <attnviz/safetensors.h>
#include <attnviz/tokenizer.h>
#include <attnviz/weights_file.h>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <functional>
#include <sys/resource.h>

using namespace attnviz;
using namespace attnviz::ui;

namespace {

// The texts a user reads first: the menu bar's titles.
QStringList menuTitles(MainWindow &window) {
    QStringList titles;
    for (QAction *action : window.menuBar()->actions())
        titles << action->text();
    return titles;
}

// The label of a form row whose buddy is `buddy` (the control panel's "Heads:").
QString labelOf(QWidget *root, QWidget *buddy) {
    for (QLabel *label : root->findChildren<QLabel *>())
        if (label->buddy() == buddy)
            return label->text();
    return {};
}

// Where every dock is: its area, whether it shows or floats, and what it is tabbed with.
QStringList dockLayout(MainWindow &window) {
    QStringList layout;
    for (QDockWidget *dock : window.findChildren<QDockWidget *>()) {
        QStringList tabbed;
        for (QDockWidget *other : window.tabifiedDockWidgets(dock))
            tabbed << other->objectName();
        tabbed.sort();
        layout << QStringLiteral("%1 area %2 %3 %4 [%5]")
                      .arg(dock->objectName())
                      .arg(int(window.dockWidgetArea(dock)))
                      .arg(dock->isVisible())
                      .arg(dock->isFloating())
                      .arg(tabbed.join(u','));
    }
    layout.sort();
    return layout;
}

bool hasHan(const QString &text) {
    for (const char32_t c : text.toUcs4())
        if (QChar::script(c) == QChar::Script_Han)
            return true;
    return false;
}

// Three English words in a row outside quoted names: a sentence left untranslated.
bool hasEnglishSentence(QString text) {
    text.remove(QRegularExpression(QStringLiteral("'[^']*'|“[^”]*”")));
    return text.contains(QRegularExpression(QStringLiteral("[A-Za-z]{2,}([ ,]+[A-Za-z]{2,}){2,}")));
}

// The message the window shows for `raise`'s error (it passes every core error through
// translatedError), in the language in effect.
QString shownError(const std::function<void()> &raise) {
    try {
        raise();
    } catch (const InputError &e) {
        return translatedError(e);
    }
    return {};
}

} // namespace

class TestLanguage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); } // keep users' settings out
    void cleanup() { applyLanguage(LanguageChoice::English); }

    // Run by CTest a second time with LANG=zh_CN.UTF-8 (test_language_zh_locale).
    void followsTheChineseLocale() {
        if (!qEnvironmentVariable("LANG").startsWith(QLatin1String("zh")))
            QSKIP("LANG is not Chinese here; the zh_CN run of this test checks it");
        QVERIFY(applyLanguage(LanguageChoice::System));
        QCOMPARE(QLocale().language(), QLocale::Chinese);
        AttentionSession session;
        MainWindow window(&session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY2(window.windowTitle().startsWith(QStringLiteral("未命名")),
                 qPrintable(window.windowTitle()));
        const QStringList menus = menuTitles(window);
        QVERIFY2(menus.size() >= 3 && menus[0] == QStringLiteral("文件(&F)") &&
                     menus[1] == QStringLiteral("视图(&V)") &&
                     menus[2] == QStringLiteral("帮助(&H)"),
                 qPrintable(menus.join(u'|')));
        ControlPanel *controls = window.controlPanel();
        QCOMPARE(labelOf(controls, controls->headsControl()), QStringLiteral("头数(&H)："));
        QCOMPARE(controls->causalControl()->text(), QStringLiteral("因果掩码（解码器）(&C)"));
        QCOMPARE(controls->positionalControl()->text(), QStringLiteral("位置编码(&P)"));
        QVERIFY(hasHan(controls->dkControl()->toolTip()));
        QCOMPARE(window.viewTabs()->tabText(0), QStringLiteral("各个头(&H)"));
        // Qt's own buttons come from qtbase's catalogue.
        QDialogButtonBox buttons(QDialogButtonBox::Cancel);
        QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("取消"));
    }

    void englishChoiceOverridesAChineseLocale() {
        QVERIFY(!applyLanguage(LanguageChoice::English));
        QCOMPARE(QLocale().language(), QLocale::English);
        AttentionSession session;
        MainWindow window(&session);
        QCOMPARE(menuTitles(window).value(0), QStringLiteral("&File"));
        QCOMPARE(window.controlPanel()->causalControl()->text(),
                 QStringLiteral("&Causal mask (decoder)"));
    }

    void switchingLiveRetranslatesAndKeepsState() {
        applyLanguage(LanguageChoice::English);
        AttentionSession session;
        MainWindow window(&session);
        PipelineOptions options;
        options.sentence = "The cat sat on the mat .";
        options.attention.heads = 2;
        options.attention.dk = 12;
        options.attention.causal = true;
        QVERIFY(session.setOptions(options));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.sentenceBar()->lineEdit()->setText(QStringLiteral("The cat sat"));
        window.setWindowModified(true);
        window.viewTabs()->setCurrentIndex(2);
        const QStringList layout = dockLayout(window);
        ControlPanel *controls = window.controlPanel();
        const QString englishTooltip = controls->dModelControl()->toolTip();

        for (const bool chinese : {true, false}) {
            applyLanguage(chinese ? LanguageChoice::Chinese : LanguageChoice::English);
            QTRY_COMPARE(menuTitles(window).value(0),
                         chinese ? QStringLiteral("文件(&F)") : QStringLiteral("&File"));
            QCOMPARE(labelOf(controls, controls->headsControl()),
                     chinese ? QStringLiteral("头数(&H)：") : QStringLiteral("&Heads:"));
            QCOMPARE(window.viewTabs()->tabText(1), chinese
                                                        ? QStringLiteral("模型：所有层(&M)")
                                                        : QStringLiteral("&Model: every layer"));
            QCOMPARE(window.findChild<QDockWidget *>(QStringLiteral("controls"))->windowTitle(),
                     chinese ? QStringLiteral("控制面板") : QStringLiteral("Controls"));
            QCOMPARE(hasHan(controls->dModelControl()->toolTip()), chinese);
            QCOMPARE(QLocale().language(), chinese ? QLocale::Chinese : QLocale::English);
            QVERIFY(window.windowTitle().startsWith(chinese ? QStringLiteral("未命名")
                                                            : QStringLiteral("Untitled")));
            // Nothing but texts changed.
            QCOMPARE(window.sentenceBar()->lineEdit()->text(), QStringLiteral("The cat sat"));
            QCOMPARE(session.options().sentence, options.sentence);
            QCOMPARE(session.options().attention.heads, 2);
            QCOMPARE(session.options().attention.dk, 12);
            QVERIFY(session.options().attention.causal);
            QCOMPARE(controls->headsControl()->value(), 2);
            QVERIFY(controls->causalControl()->isChecked());
            QVERIFY(window.isWindowModified());
            QCOMPARE(window.viewTabs()->currentIndex(), 2);
            QCOMPARE(dockLayout(window), layout);
        }
        QCOMPARE(controls->dModelControl()->toolTip(), englishTooltip);
    }

    // The message under the sentence follows the language too, and the last picture stays.
    void sentenceMessageFollowsTheLanguage() {
        applyLanguage(LanguageChoice::English);
        AttentionSession session;
        MainWindow window(&session);
        PipelineOptions options;
        options.sentence = "The cat sat .";
        QVERIFY(session.setOptions(options));
        session.waitForIdle();
        const auto picture = session.snapshot();
        QVERIFY(picture);
        session.setSentence(QStringLiteral("   "));
        session.waitForIdle();
        QTRY_VERIFY(session.errorText().contains(QStringLiteral("no tokens")));
        applyLanguage(LanguageChoice::Chinese);
        QTRY_VERIFY2(session.errorText().contains(QStringLiteral("没有词元")),
                     qPrintable(session.errorText()));
        QCOMPARE(session.snapshot(), picture);
        QCOMPARE(session.options().sentence, std::string("   "));
    }

    void languageMenuSwitchesAndRemembers() {
        AttentionSession session;
        MainWindow window(&session);
        auto *menu = window.findChild<LanguageMenu *>();
        QVERIFY(menu);
        menu->actionFor(LanguageChoice::Chinese)->trigger();
        QVERIFY(chineseInterface());
        QCOMPARE(savedLanguageChoice(), LanguageChoice::Chinese);
        QTRY_COMPARE(menu->title(), QStringLiteral("语言(&L)"));
        // Each language keeps its own name, so a user who cannot read the other finds theirs.
        QCOMPARE(menu->actionFor(LanguageChoice::Chinese)->text(), QStringLiteral("简体中文"));
        QCOMPARE(menu->actionFor(LanguageChoice::English)->text(), QStringLiteral("English"));
        menu->actionFor(LanguageChoice::English)->trigger();
        QVERIFY(!chineseInterface());
        QCOMPARE(savedLanguageChoice(), LanguageChoice::English);
        QTRY_COMPARE(menu->title(), QStringLiteral("&Language"));
        saveLanguageChoice(LanguageChoice::System);
    }

    // Han in the interface takes the Simplified Chinese face (骨, 直, 角 have other shapes in the
    // Japanese face fontconfig may pick first).
    void chineseInterfaceFontIsSimplified() {
        applyLanguage(LanguageChoice::Chinese);
        const QStringList families = QApplication::font().families();
        const qsizetype sc = families.indexOf(QStringLiteral("Noto Sans CJK SC"));
        QVERIFY2(sc >= 0, qPrintable(families.join(u',')));
        for (const char *other : {"Noto Sans CJK JP", "Noto Sans CJK TC", "Noto Sans CJK KR"}) {
            const qsizetype i = families.indexOf(QString::fromLatin1(other));
            QVERIFY2(i < 0 || i > sc, qPrintable(families.join(u',')));
        }
    }

    void coreErrorsKeepTheirEnglishLineAndTranslate() {
        TokenizerOptions options;
        options.maxTokens = 3;
        try {
            tokenize("one two three four five", options);
            QFAIL("a sentence over the limit was accepted");
        } catch (const InputError &e) {
            QCOMPARE(e.id(), ErrorId::SentenceTooManyTokens);
            QCOMPARE(QString::fromUtf8(e.what()),
                     QStringLiteral("the sentence has more than 3 tokens (the limit is 3)"));
            applyLanguage(LanguageChoice::English);
            QCOMPARE(translatedError(e), QString::fromUtf8(e.what()));
            applyLanguage(LanguageChoice::Chinese);
            QCOMPARE(translatedError(e), QStringLiteral("句子超过 3 个词元（上限为 3）"));
        }
        // Fixed phrases inside the arguments are translated too; paths are not.
        const InputError notRegular(ErrorId::FileNotRegular,
                                    {"the weights file", "'/tmp/x'", "a directory"});
        QCOMPARE(QString::fromUtf8(notRegular.what()),
                 QStringLiteral("the weights file '/tmp/x' is a directory, not a regular file"));
        QCOMPARE(translatedError(notRegular),
                 QStringLiteral("权重文件 '/tmp/x' 是一个文件夹，不是普通文件"));
        // A safetensors problem inside a named file: both parts translated.
        const InputError inner(ErrorId::SafetensorsHeaderNotObject, {});
        const InputError wrapped(ErrorId::SafetensorsInFile, {"the weights file", "'w.st'"}, inner);
        QCOMPARE(QString::fromUtf8(wrapped.what()),
                 QStringLiteral("the weights file 'w.st': the header is not a JSON object"));
        QCOMPARE(translatedError(wrapped), QStringLiteral("权重文件 'w.st'：头部不是 JSON 对象"));
        // A message without an id is shown as written.
        QCOMPARE(translatedError(InputError("plain")), QStringLiteral("plain"));
    }

    // A weights file whose tensors follow no known convention, and Save Weights on a full disk:
    // the window's message is Chinese, with no English sentence left (names stay as they are).
    void weightsAndDiskErrorsAreChinese() {
        applyLanguage(LanguageChoice::Chinese);
        const QByteArray header = R"({"embedding.weight":{"dtype":"F32","shape":[2,2],)"
                                  R"("data_offsets":[0,16]}})";
        std::vector<std::byte> bytes(8 + static_cast<std::size_t>(header.size()) + 16);
        bytes[0] = static_cast<std::byte>(header.size());
        std::memcpy(bytes.data() + 8, header.constData(), static_cast<std::size_t>(header.size()));
        const QString convention = shownError(
            [&] { loadAttentionWeights(SafetensorsFile::fromBytes(std::move(bytes)), {}); });
        QVERIFY2(hasHan(convention) && !hasEnglishSentence(convention), qPrintable(convention));
        QVERIFY2(convention.contains(QStringLiteral("注意力模块")), qPrintable(convention));

        QTemporaryDir dir;
        const QString path = dir.filePath("attention.safetensors");
        const AttentionConfig config; // the defaults: 4 heads of a 64-wide model
        const AttentionWeights weights = makeRandomWeights(config, 42);
        QString full;
        {
            const FileSizeLimit limit(1024);
            full = shownError([&] { saveAttentionWeights(path.toStdString(), weights, 42); });
        }
        QVERIFY2(hasHan(full) && !hasEnglishSentence(full), qPrintable(full));
        QVERIFY2(full.contains(QStringLiteral("权重文件")) &&
                     full.contains(QStringLiteral("文件过大")),
                 qPrintable(full));
        QVERIFY(!QFile::exists(path)); // nothing half-written is left

        // ENOSPC itself, as a real full disk reports it.
        const InputError noSpace(
            ErrorId::WriteFailed,
            {"the weights file", "'/media/usb/w.safetensors'", systemErrorText(ENOSPC)});
        QCOMPARE(QString::fromUtf8(noSpace.what()),
                 QStringLiteral("writing the weights file '/media/usb/w.safetensors' failed: No "
                                "space left on device; any previous file is unchanged"));
        QCOMPARE(translatedError(noSpace),
                 QStringLiteral("写入权重文件 '/media/usb/w.safetensors' 失败：设备上没有剩余空间；"
                                "原有文件保持不变"));
        QCOMPARE(translatedSystemError(EACCES), QStringLiteral("权限不足"));
    }
};

QTEST_MAIN(TestLanguage)
#include "test_language.moc"
