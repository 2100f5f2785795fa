#include "export_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace attnviz::ui {

ExportDialog::ExportDialog(int heads, bool meanPanel, const HeatmapStyle &style, QWidget *parent)
    : QDialog(parent)
    , m_style(style)
    , m_meanPanel(meanPanel)
    , m_part(new QComboBox(this))
    , m_path(new QLineEdit(QDir::home().filePath(QStringLiteral("attention.pdf")), this))
    , m_width(new QSpinBox(this))
    , m_height(new QSpinBox(this))
    , m_dpi(new QSpinBox(this))
    , m_caption(new QCheckBox(tr("Caption with the sentence and the configuration"), this))
    , m_summary(new QLabel(this)) {
    setWindowTitle(tr("Export Figure"));
    m_part->addItem(tr("All heads, as in the window"), -1);
    for (int h = 0; h < heads; ++h)
        m_part->addItem(tr("Head %1").arg(h + 1), h);
    m_part->addItem(tr("Mean over heads"), -2);
    for (QSpinBox *side : {m_width, m_height}) {
        side->setRange(FigureOptions::kMinSide, FigureOptions::kMaxSide);
        side->setSuffix(tr(" px"));
    }
    m_width->setValue(1600);
    m_height->setValue(900);
    m_dpi->setRange(FigureOptions::kMinDpi, FigureOptions::kMaxDpi);
    m_dpi->setValue(192);
    m_dpi->setSuffix(tr(" DPI"));
    m_dpi->setToolTip(tr("PNG only: 96 DPI is 1 pixel per pixel, 192 DPI doubles it"));

    auto *browse = new QPushButton(tr("&Browse…"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_width);
    sizeRow->addWidget(new QLabel(QStringLiteral("×"), this));
    sizeRow->addWidget(m_height);
    sizeRow->addStretch(1);

    auto *form = new QFormLayout;
    form->addRow(tr("&Export:"), m_part);
    form->addRow(tr("&File:"), pathRow);
    form->addRow(tr("&Size:"), sizeRow);
    form->addRow(tr("&Resolution:"), m_dpi);
    form->addRow(m_caption);
    form->addRow(tr("Result:"), m_summary);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("E&xport"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::updateSummary);
    for (QSpinBox *box : {m_width, m_height, m_dpi})
        connect(box, &QSpinBox::valueChanged, this, &ExportDialog::updateSummary);
    updateSummary();
}

FigureOptions ExportDialog::options() const {
    FigureOptions o;
    const int part = m_part->currentData().toInt();
    o.part = part == -1   ? FigureOptions::Part::Grid
             : part == -2 ? FigureOptions::Part::Mean
                          : FigureOptions::Part::Head;
    o.head = std::max(0, part);
    o.size = {m_width->value(), m_height->value()};
    o.scale = m_dpi->value() / 96.0;
    o.caption = m_caption->isChecked();
    o.meanPanel = m_meanPanel;
    o.style = m_style;
    return o;
}

QString ExportDialog::path() const {
    return m_path->text();
}

QString ExportDialog::resultingSizeText() const {
    const QString format = FigureRenderer::formatOf(path());
    if (format.isEmpty())
        return tr("Name the file .png, .svg or .pdf");
    if (format == QLatin1String("png")) {
        const QSize pixels =
            (QSizeF(m_width->value(), m_height->value()) * (m_dpi->value() / 96.0)).toSize();
        return tr("%1 × %2 pixels PNG at %3 DPI")
            .arg(pixels.width())
            .arg(pixels.height())
            .arg(m_dpi->value());
    }
    return tr("%1 × %2 pt %3, vector: text as text, cells as rectangles")
        .arg(qRound(m_width->value() * 0.75))
        .arg(qRound(m_height->value() * 0.75))
        .arg(format.toUpper());
}

void ExportDialog::browse() {
    const QString chosen = QFileDialog::getSaveFileName(
        this, tr("Export Figure"), path(), tr("PDF (*.pdf);;SVG (*.svg);;PNG (*.png)"));
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

void ExportDialog::updateSummary() {
    m_summary->setText(resultingSizeText());
    m_dpi->setEnabled(FigureRenderer::formatOf(path()) == QLatin1String("png"));
}

} // namespace attnviz::ui
