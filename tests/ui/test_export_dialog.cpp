// The Export dialog remembers its choices, stays open with the reason when an export fails, asks
// before replacing a file, and offers physical sizes, presets and a font size in points.
#include <attention_session.h>
#include <export_dialog.h>
#include <figure_renderer.h>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace attnviz;
using namespace attnviz::ui;

namespace {

QByteArray readAll(const QString &path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Answers the next modal question with `button`; returns whether one was asked.
std::shared_ptr<bool> answerNextQuestion(QMessageBox::StandardButton button) {
    auto asked = std::make_shared<bool>(false);
    QTimer::singleShot(0, qApp, [asked, button] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        *asked = true;
        box->button(button)->click();
    });
    return asked;
}

} // namespace

class TestExportDialog : public QObject {
    Q_OBJECT
    AttentionSession m_session;
    QTemporaryDir m_dir;

    std::shared_ptr<const SessionSnapshot> snapshot() {
        if (!m_session.snapshot()) {
            PipelineOptions o;
            o.sentence = "The cat sat on the mat.";
            m_session.setOptions(o);
            m_session.waitForIdle();
        }
        return m_session.snapshot();
    }
    static QComboBox *combo(ExportDialog &d, int index) {
        return d.findChildren<QComboBox *>().at(index); // part, preset, unit
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }
    void init() { QSettings().clear(); }

    void remembersTheLastChoices() {
        const QString path = m_dir.filePath("paper.svg");
        {
            ExportDialog dialog(4, false, HeatmapStyle{});
            dialog.setSnapshot(snapshot());
            dialog.findChild<QLineEdit *>()->setText(path);
            combo(dialog, 1)->setCurrentIndex(1); // single column
            dialog.findChild<QSpinBox *>()->setValue(300);
            dialog.findChild<QCheckBox *>()->setChecked(true);
            dialog.findChildren<QDoubleSpinBox *>().at(2)->setValue(8);
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
            QVERIFY(readAll(path).startsWith("<?xml"));
        }
        ExportDialog again(4, false, HeatmapStyle{});
        QCOMPARE(QFileInfo(again.path()).absolutePath(), QFileInfo(path).absolutePath());
        QCOMPARE(QFileInfo(again.path()).suffix(), QString("svg"));
        const FigureOptions o = again.options();
        QCOMPARE(o.size, FigureOptions::sizeFromInches({3.3, 2.5}));
        QCOMPARE(qRound(o.scale * 96), 300);
        QVERIFY(o.caption);
        QCOMPARE(o.fontPoints, 8.0);
        QCOMPARE(combo(again, 2)->currentText(), QString("in")); // the unit too
    }

    void staysOpenAndSaysWhyOnError_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QSize>("pixels");
        QTest::addColumn<int>("dpi");
        QTest::addColumn<QString>("reason");
        QTest::newRow("missing folder")
            << "no/such/folder/f.png" << QSize(800, 600) << 96 << "cannot write";
        QTest::newRow("15.6 GB image")
            << "huge.png" << QSize(10000, 10000) << 600 << "100 million pixels";
        QTest::newRow("unknown type") << "figure.bmp" << QSize(800, 600) << 96 << ".png, .svg";
    }
    void staysOpenAndSaysWhyOnError() {
        QFETCH(QString, file);
        QFETCH(QSize, pixels);
        QFETCH(int, dpi);
        QFETCH(QString, reason);
        ExportDialog dialog(4, false, HeatmapStyle{});
        dialog.setSnapshot(snapshot());
        dialog.findChild<QLineEdit *>()->setText(m_dir.filePath(file));
        combo(dialog, 2)->setCurrentIndex(2); // px
        dialog.findChildren<QDoubleSpinBox *>().at(0)->setValue(pixels.width());
        dialog.findChildren<QDoubleSpinBox *>().at(1)->setValue(pixels.height());
        dialog.findChild<QSpinBox *>()->setValue(dpi);
        dialog.show();
        dialog.accept();
        QVERIFY(dialog.isVisible());
        QVERIFY(dialog.result() != QDialog::Accepted);
        QVERIFY2(dialog.errorText().contains(reason), qPrintable(dialog.errorText()));
        QCOMPARE(dialog.options().size, pixels); // the choices are kept
        QVERIFY(!QFile::exists(m_dir.filePath(file)));
    }

    void asksBeforeReplacingAFile() {
        const QString path = m_dir.filePath("existing.pdf");
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("old figure");
        }
        ExportDialog dialog(4, false, HeatmapStyle{});
        dialog.setSnapshot(snapshot());
        dialog.findChild<QLineEdit *>()->setText(path);
        dialog.show();
        auto asked = answerNextQuestion(QMessageBox::No);
        dialog.accept();
        QVERIFY(*asked);
        QVERIFY(dialog.isVisible());
        QCOMPARE(readAll(path), QByteArray("old figure"));
        asked = answerNextQuestion(QMessageBox::Yes);
        dialog.accept();
        QVERIFY(*asked);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(readAll(path).startsWith("%PDF-"));
    }

    void presetsAndUnitsGiveThePhysicalSize_data() {
        QTest::addColumn<int>("preset");
        QTest::addColumn<double>("inches");
        QTest::newRow("single column") << 1 << 3.3;
        QTest::newRow("double column") << 2 << 7.0;
        QTest::newRow("slide") << 3 << 13.333;
    }
    void presetsAndUnitsGiveThePhysicalSize() {
        QFETCH(int, preset);
        QFETCH(double, inches);
        ExportDialog dialog(4, false, HeatmapStyle{});
        combo(dialog, 1)->setCurrentIndex(preset);
        QCOMPARE(dialog.options().size.width(), qRound(inches * 96));
        combo(dialog, 2)->setCurrentIndex(1); // cm: the same size, shown in centimetres
        QVERIFY(qAbs(dialog.findChildren<QDoubleSpinBox *>().at(0)->value() - inches * 2.54) <
                0.02);
        QCOMPARE(dialog.options().size.width(), qRound(inches * 96));
    }
};

QTEST_MAIN(TestExportDialog)
#include "test_export_dialog.moc"
