// MatrixPicture: a labelled matrix painted as one QImage pixel per cell, with its own colour bar.
#pragma once

#include "colormaps.h"

#include <Eigen/Core>

#include <QImage>
#include <QStringList>
#include <QWidget>

class QPainter;

namespace attnviz::ui {

// The colour of t ∈ [0, 1] on a blue–white–red diverging scale: 0.5 is white (a difference of
// 0), 0 strong blue, 1 strong red (the end colours of ColorBrewer's RdBu, reversed).
QColor divergingColorAt(double t);

class MatrixPicture : public QWidget {
    Q_OBJECT
public:
    enum class Scale {
        Sequential, // [low, high] through a perceptual colormap
        Diverging,  // [−limit, +limit] through divergingColorAt, 0 white
    };

    explicit MatrixPicture(QWidget *parent = nullptr);

    // Shows `values` [rows × columns]; labels name the rows and columns (may be empty).
    void setMatrix(const Eigen::MatrixXf &values, const QStringList &rowLabels,
                   const QStringList &columnLabels);
    // Sequential scale over [low, high] with `map`.
    void setSequentialScale(Colormap map, double low, double high);
    // Diverging scale over [−limit, +limit]; a limit ≤ 0 means "use the matrix's max |value|".
    void setDivergingScale(double limit = 0);
    void setCaption(const QString &caption);
    // When set, each cell shows its value (for small matrices such as heads × heads).
    void setCellValuesShown(bool shown);
    // Text in place of the matrix (a refusal or "nothing to show").
    void setNote(const QString &note);

    const Eigen::MatrixXf &matrix() const { return m_values; }
    QString note() const { return m_note; }
    // The colour scale's ends as shown (diverging: ± the largest |value| unless a limit is set).
    double scaleLow() const { return m_shownLow; }
    double scaleHigh() const { return m_shownHigh; }
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // Draws what the widget shows at its size, with these colours for the background and text
    // (a figure passes white and near-black, whatever the desktop theme).
    void paintTo(QPainter &painter, const QColor &background, const QColor &text) const;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QColor colourOf(double value, double low, double high) const;
    void updateRange();
    void rebuildImage();

    Eigen::MatrixXf m_values;
    QStringList m_rowLabels, m_columnLabels;
    Scale m_scale = Scale::Sequential;
    Colormap m_map = Colormap::Viridis;
    double m_low = 0, m_high = 1, m_limit = 0;
    double m_shownLow = 0, m_shownHigh = 1; // set with the image
    QString m_caption, m_note;
    bool m_showValues = false;
    QImage m_image;
};

} // namespace attnviz::ui
