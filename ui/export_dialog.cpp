#include "export_dialog.h"

#include "attention_session.h"
#include "translated_error.h"

#include <attnviz/error.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
#include <QSpinBox>

namespace attnviz::ui {

namespace {

constexpr double kPixelsPerInch = 96.0;

double pixelsPerUnit(ExportDialog::Unit unit) {
    switch (unit) {
    case ExportDialog::Unit::Inches:
        return kPixelsPerInch;
    case ExportDialog::Unit::Centimetres:
        return kPixelsPerInch / 2.54;
    case ExportDialog::Unit::Pixels:
        return 1.0;
    }
    return 1.0;
}

// What the "Export" choice holds besides a head's index.
constexpr int kGrid = -1, kMean = -2, kModelView = -3, kFirstLayer = -100; // layer k: −100 − k

// Preset combo entries after "Custom".
const FigureOptions::Preset kPresets[] = {FigureOptions::Preset::SingleColumn,
                                          FigureOptions::Preset::DoubleColumn,
                                          FigureOptions::Preset::Slide16x9};

} // namespace

ExportDialog::ExportDialog(int heads, bool meanPanel, const HeatmapStyle &style, QWidget *parent)
    : QDialog(parent)
    , m_style(style)
    , m_meanPanel(meanPanel)
    , m_part(new QComboBox(this))
    , m_path(new QLineEdit(QDir::home().filePath(QStringLiteral("attention.pdf")), this))
    , m_preset(new QComboBox(this))
    , m_width(new QDoubleSpinBox(this))
    , m_height(new QDoubleSpinBox(this))
    , m_unitBox(new QComboBox(this))
    , m_dpi(new QSpinBox(this))
    , m_font(new QDoubleSpinBox(this))
    , m_caption(new QCheckBox(tr("Caption with the sentence and the configuration"), this))
    , m_summary(new QLabel(this))
    , m_error(new QLabel(this)) {
    setWindowTitle(tr("Export Figure"));
    m_part->addItem(tr("All heads, as in the window"), kGrid);
    for (int h = 0; h < heads; ++h)
        m_part->addItem(tr("Head %1").arg(h + 1), h);
    m_part->addItem(tr("Mean over heads"), kMean);
    m_preset->addItem(tr("Custom"));
    m_preset->addItem(tr("Single column (3.3 in)"));
    m_preset->addItem(tr("Double column (7 in)"));
    m_preset->addItem(tr("Slide 16:9 (13.3 in)"));
    m_unitBox->addItem(tr("in"), int(Unit::Inches));
    m_unitBox->addItem(tr("cm"), int(Unit::Centimetres));
    m_unitBox->addItem(tr("px (1/96 in)"), int(Unit::Pixels));
    m_unitBox->setCurrentIndex(2);
    setSizePixels({1600, 900});
    m_dpi->setRange(FigureOptions::kMinDpi, FigureOptions::kMaxDpi);
    m_dpi->setValue(192);
    m_dpi->setSuffix(tr(" DPI"));
    m_dpi->setToolTip(tr("PNG only: 96 DPI is 1 pixel per pixel, 192 DPI doubles it"));
    m_font->setRange(FigureOptions::kMinFontPoints, FigureOptions::kMaxFontPoints);
    m_font->setDecimals(1);
    m_font->setSingleStep(0.5);
    m_font->setValue(QFontInfo(font()).pointSizeF());
    m_font->setSuffix(tr(" pt"));
    m_font->setToolTip(tr("Text size in the figure; 8–10 pt suits a paper column"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->setVisible(false);

    auto *browse = new QPushButton(tr("&Browse…"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_width);
    sizeRow->addWidget(new QLabel(QStringLiteral("×"), this));
    sizeRow->addWidget(m_height);
    sizeRow->addWidget(m_unitBox);
    sizeRow->addStretch(1);

    auto *form = new QFormLayout;
    form->addRow(tr("&Export:"), m_part);
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_path); // a row holding a layout has no buddy of its own
    form->addRow(fileLabel, pathRow);
    form->addRow(tr("&Preset:"), m_preset);
    auto *sizeLabel = new QLabel(tr("&Size:"), this);
    sizeLabel->setBuddy(m_width);
    form->addRow(sizeLabel, sizeRow);
    form->addRow(tr("&Resolution:"), m_dpi);
    form->addRow(tr("F&ont size:"), m_font);
    form->addRow(m_caption);
    form->addRow(tr("Result:"), m_summary);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("E&xport"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    restoreSettings();
    connect(buttons, &QDialogButtonBox::accepted, this, &ExportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::updateSummary);
    connect(m_preset, &QComboBox::currentIndexChanged, this, &ExportDialog::applyPreset);
    connect(m_unitBox, &QComboBox::currentIndexChanged, this,
            [this] { setUnit(static_cast<Unit>(m_unitBox->currentData().toInt())); });
    for (QDoubleSpinBox *side : {m_width, m_height})
        connect(side, &QDoubleSpinBox::valueChanged, this, [this] {
            if (m_preset->currentIndex() != 0) {
                const QSignalBlocker block(m_preset);
                m_preset->setCurrentIndex(0); // edited by hand: custom
            }
            updateSummary();
        });
    connect(m_dpi, &QSpinBox::valueChanged, this, &ExportDialog::updateSummary);
    connect(m_font, &QDoubleSpinBox::valueChanged, this, &ExportDialog::updateSummary);
    updateSummary();
}

void ExportDialog::setSnapshot(std::shared_ptr<const SessionSnapshot> snapshot,
                               const QString &weightsName) {
    m_snapshot = std::move(snapshot);
    m_weightsName = weightsName;
    if (!m_snapshot || m_part->findData(kModelView) >= 0)
        return;
    // A whole model: any layer's heads, or every layer at once.
    const int layers = m_snapshot->run ? static_cast<int>(m_snapshot->run->trace.layers.size()) : 1;
    if (layers > 1)
        for (int layer = 0; layer < layers; ++layer)
            m_part->addItem(tr("Heads of layer %1").arg(layer + 1), kFirstLayer - layer);
    m_part->addItem(tr("Every layer × head (model view)"), kModelView);
}

void ExportDialog::selectPart(FigureOptions::Part part) {
    const int index = m_part->findData(part == FigureOptions::Part::Model  ? kModelView
                                       : part == FigureOptions::Part::Mean ? kMean
                                                                           : kGrid);
    if (index >= 0)
        m_part->setCurrentIndex(index);
}

void ExportDialog::setSizePixels(const QSize &size) {
    const double per = pixelsPerUnit(m_unit);
    for (QDoubleSpinBox *side : {m_width, m_height}) {
        const QSignalBlocker block(side);
        side->setDecimals(m_unit == Unit::Pixels ? 0 : 2);
        side->setSingleStep(m_unit == Unit::Pixels ? 10 : 0.1);
        side->setRange(FigureOptions::kMinSide / per, FigureOptions::kMaxSide / per);
        side->setSuffix(QString());
    }
    {
        const QSignalBlocker block(m_width);
        m_width->setValue(size.width() / per);
    }
    {
        const QSignalBlocker block(m_height);
        m_height->setValue(size.height() / per);
    }
}

QSize ExportDialog::sizePixels() const {
    const double per = pixelsPerUnit(m_unit);
    return {qRound(m_width->value() * per), qRound(m_height->value() * per)};
}

void ExportDialog::setUnit(Unit unit) {
    const QSize size = sizePixels();
    m_unit = unit;
    setSizePixels(size);
    updateSummary();
}

void ExportDialog::applyPreset(int index) {
    if (index <= 0)
        return;
    const QSize size =
        FigureOptions::sizeFromInches(FigureOptions::presetInches(kPresets[index - 1]));
    if (m_unit == Unit::Pixels) {
        const QSignalBlocker block(m_unitBox);
        m_unitBox->setCurrentIndex(0);
        m_unit = Unit::Inches;
    }
    setSizePixels(size);
    // Text sized for the medium: 8 pt in a paper's column, 14 pt on a slide.
    m_font->setValue(kPresets[index - 1] == FigureOptions::Preset::Slide16x9 ? 14 : 8);
    updateSummary();
}

FigureOptions ExportDialog::options() const {
    FigureOptions o;
    const int part = m_part->currentData().toInt();
    o.part = part == kGrid || part <= kFirstLayer ? FigureOptions::Part::Grid
             : part == kMean                      ? FigureOptions::Part::Mean
             : part == kModelView                 ? FigureOptions::Part::Model
                                                  : FigureOptions::Part::Head;
    o.head = std::max(0, part);
    if (part <= kFirstLayer)
        o.layer = kFirstLayer - part;
    o.size = sizePixels();
    o.scale = m_dpi->value() / 96.0;
    o.caption = m_caption->isChecked();
    o.meanPanel = m_meanPanel;
    o.fontPoints = m_font->value();
    o.weightsName = m_weightsName;
    o.style = m_style;
    return o;
}

QString ExportDialog::path() const {
    return m_path->text();
}

QString ExportDialog::errorText() const {
    return m_error->isVisible() || !m_error->isHidden() ? m_error->text() : QString();
}

QString ExportDialog::resultingSizeText() const {
    const QString format = FigureRenderer::formatOf(path());
    if (format.isEmpty())
        return tr("Name the file .png, .svg or .pdf");
    const QSize size = sizePixels();
    if (format == QLatin1String("png")) {
        const QSize pixels = (QSizeF(size) * (m_dpi->value() / 96.0)).toSize();
        return tr("%1 × %2 pixels PNG at %3 DPI")
            .arg(pixels.width())
            .arg(pixels.height())
            .arg(m_dpi->value());
    }
    return tr("%1 × %2 pt %3, vector: text as text, cells as rectangles (as one image above "
              "64 tokens)")
        .arg(qRound(size.width() * 0.75))
        .arg(qRound(size.height() * 0.75))
        .arg(format.toUpper());
}

void ExportDialog::browse() {
    const QString chosen = QFileDialog::getSaveFileName(
        this, tr("Export Figure"), path(), tr("PDF (*.pdf);;SVG (*.svg);;PNG (*.png)"), nullptr,
        QFileDialog::DontConfirmOverwrite); // Export asks, once
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

void ExportDialog::updateSummary() {
    m_summary->setText(resultingSizeText());
    m_dpi->setEnabled(FigureRenderer::formatOf(path()) == QLatin1String("png"));
    m_error->setVisible(false);
}

void ExportDialog::showError(const QString &message) {
    m_error->setText(message);
    m_error->setVisible(true);
}

void ExportDialog::accept() {
    const QString format = FigureRenderer::formatOf(path());
    if (format.isEmpty()) {
        showError(tr("Cannot tell the format of '%1': name the file .png, .svg or .pdf.")
                      .arg(QFileInfo(path()).fileName()));
        return;
    }
    const FigureOptions figure = options();
    try {
        figure.validate(format == QLatin1String("png")); // the command line's limits
    } catch (const InputError &e) {
        showError(translatedError(e));
        return;
    }
    if (QFileInfo::exists(path()) &&
        QMessageBox::question(
            this, tr("Replace File?"),
            tr("'%1' already exists. Replace it?").arg(QFileInfo(path()).fileName()),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return;
    if (m_snapshot) {
        try {
            FigureRenderer(*m_snapshot, figure).save(path());
        } catch (const InputError &e) {
            showError(translatedError(e)); // stay open: the choices are kept
            return;
        }
    }
    saveSettings();
    QDialog::accept();
}

void ExportDialog::restoreSettings() {
    QSettings settings;
    settings.beginGroup(QStringLiteral("export"));
    const QString folder = settings.value(QStringLiteral("folder")).toString();
    const QString suffix = settings.value(QStringLiteral("format")).toString();
    if (!folder.isEmpty() && QFileInfo(folder).isDir())
        m_path->setText(QDir(folder).filePath(
            QStringLiteral("attention.") +
            (FigureRenderer::formatOf("x." + suffix).isEmpty() ? QStringLiteral("pdf") : suffix)));
    const int unit = settings.value(QStringLiteral("unit"), int(Unit::Pixels)).toInt();
    const int unitIndex = m_unitBox->findData(unit);
    if (unitIndex >= 0) {
        m_unitBox->setCurrentIndex(unitIndex);
        m_unit = static_cast<Unit>(unit);
    }
    const QSize size(settings.value(QStringLiteral("width"), 1600).toInt(),
                     settings.value(QStringLiteral("height"), 900).toInt());
    setSizePixels(size.expandedTo({FigureOptions::kMinSide, FigureOptions::kMinSide})
                      .boundedTo({FigureOptions::kMaxSide, FigureOptions::kMaxSide}));
    const int preset = settings.value(QStringLiteral("preset"), 0).toInt();
    if (preset > 0 && preset < m_preset->count()) {
        const QSignalBlocker block(m_preset);
        m_preset->setCurrentIndex(preset);
    }
    m_dpi->setValue(settings.value(QStringLiteral("dpi"), m_dpi->value()).toInt());
    m_font->setValue(settings.value(QStringLiteral("fontPoints"), m_font->value()).toDouble());
    m_caption->setChecked(settings.value(QStringLiteral("caption"), false).toBool());
}

void ExportDialog::saveSettings() const {
    QSettings settings;
    settings.beginGroup(QStringLiteral("export"));
    const QFileInfo file(path());
    settings.setValue(QStringLiteral("folder"), file.absolutePath());
    settings.setValue(QStringLiteral("format"), file.suffix().toLower());
    settings.setValue(QStringLiteral("unit"), int(m_unit));
    settings.setValue(QStringLiteral("width"), sizePixels().width());
    settings.setValue(QStringLiteral("height"), sizePixels().height());
    settings.setValue(QStringLiteral("preset"), m_preset->currentIndex());
    settings.setValue(QStringLiteral("dpi"), m_dpi->value());
    settings.setValue(QStringLiteral("fontPoints"), m_font->value());
    settings.setValue(QStringLiteral("caption"), m_caption->isChecked());
}

} // namespace attnviz::ui
