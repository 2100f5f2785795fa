// ExportDialog: File ▸ Export Figure — what to export, where, how large, and the size it makes.
#pragma once

#include "figure_renderer.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace attnviz::ui {

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    ExportDialog(int heads, bool meanPanel, const HeatmapStyle &style, QWidget *parent = nullptr);

    FigureOptions options() const;
    QString path() const;
    // "3200 × 1800 pixels (192 DPI)" for PNG, "1600 × 900 points (vector)" for SVG and PDF.
    QString resultingSizeText() const;

private:
    void browse();
    void updateSummary();

    HeatmapStyle m_style;
    bool m_meanPanel;
    QComboBox *m_part;
    QLineEdit *m_path;
    QSpinBox *m_width, *m_height, *m_dpi;
    QCheckBox *m_caption;
    QLabel *m_summary;
};

} // namespace attnviz::ui
