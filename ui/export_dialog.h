// ExportDialog: File ▸ Export Figure — what to export, where, how large (in inches, centimetres
// or pixels, or a preset for articles and slides), the font size, and the size it makes.
#pragma once

#include "figure_renderer.h"

#include <QDialog>

#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace attnviz::ui {

struct SessionSnapshot;

// Remembers the folder, file type, size, unit, DPI, font size and caption between uses
// (QSettings, group "export"). Asks before replacing a file. With setSnapshot() it writes the
// figure itself and stays open, with the reason shown, when the export fails.
class ExportDialog : public QDialog {
    Q_OBJECT
public:
    ExportDialog(int heads, bool meanPanel, const HeatmapStyle &style, QWidget *parent = nullptr);

    // The result to export on Export; the weights name goes into the caption. A model's snapshot
    // adds "Heads of layer K" for each layer and "Every layer × head (model view)".
    void setSnapshot(std::shared_ptr<const SessionSnapshot> snapshot,
                     const QString &weightsName = {});
    // Preselects the figure a view shows (the model view's every layer × head, the grid);
    // a part the list does not hold leaves the choice as it is.
    void selectPart(FigureOptions::Part part);

    FigureOptions options() const;
    QString path() const;
    // "3200 × 1800 pixels PNG at 192 DPI" for PNG, "1200 × 675 pt PDF, vector: …" for SVG/PDF.
    QString resultingSizeText() const;
    // The last problem shown in the dialog (empty when none).
    QString errorText() const;

    enum class Unit { Inches, Centimetres, Pixels };

public slots:
    void accept() override;

private:
    void browse();
    void updateSummary();
    void applyPreset(int index);
    void setUnit(Unit unit);
    void setSizePixels(const QSize &size);
    QSize sizePixels() const;
    void restoreSettings();
    void saveSettings() const;
    void showError(const QString &message);

    HeatmapStyle m_style;
    bool m_meanPanel;
    std::shared_ptr<const SessionSnapshot> m_snapshot;
    QString m_weightsName;
    Unit m_unit = Unit::Pixels;
    QComboBox *m_part;
    QLineEdit *m_path;
    QComboBox *m_preset;
    QDoubleSpinBox *m_width, *m_height;
    QComboBox *m_unitBox;
    QSpinBox *m_dpi;
    QDoubleSpinBox *m_font;
    QCheckBox *m_caption;
    QLabel *m_summary;
    QLabel *m_error;
};

} // namespace attnviz::ui
