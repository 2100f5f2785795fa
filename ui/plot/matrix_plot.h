// MatrixPlot: the one plot of a matrix in attnviz. Heatmaps, the difference and similarity panels
// and the step view's matrices are all drawn by it; it alone uses the plotting library.
#pragma once

#include "fonts.h"
#include "matrix_scale.h"

#include <Eigen/Core>

#include <QStringList>
#include <QWidget>

#include <memory>

class QCPTextElement;
class QCPLayoutGrid;
class QCPColorScale;
class QCPAxisTickerText;
class QLabel;
class QPainter;
class QPaintDevice;

namespace attnviz::ui {

class BadgeElement;
class CellMap;
class PlotCanvas;

// A [rows × columns] matrix: rows top to bottom, columns left to right, each with an optional
// label. Data-only updates repaint just the buffered cell layer; labels and axes are laid out
// again only when labels, size or style change.
class MatrixPlot : public QWidget {
    Q_OBJECT
public:
    explicit MatrixPlot(QWidget *parent = nullptr);
    ~MatrixPlot() override;

    // The bold line above the cells.
    void setTitle(const QString &title);
    QString title() const;
    // A wrapped caption above the plot (for long sentences a title line cannot hold).
    void setCaption(const QString &caption);
    QString caption() const;
    // Text in place of the matrix (a refusal or "nothing to show"); empty shows the matrix.
    void setNote(const QString &note);
    QString note() const { return m_note; }
    // The badge under the title (empty text: none); `color` tints it (invalid: an outline).
    void setBadge(const QString &text, const QColor &color);
    QString badgeText() const { return m_badgeText; }
    // Where the badge is drawn, in widget coordinates (empty without a badge).
    QRect badgeRect() const;

    void setLabels(const QStringList &rowLabels, const QStringList &columnLabels);
    QStringList rowLabels() const { return m_rowLabels; }
    QStringList columnLabels() const { return m_columnLabels; }
    // Shows `matrix` (and no longer the note).
    void setMatrix(const Eigen::MatrixXf &matrix);
    const Eigen::MatrixXf &matrix() const { return m_matrix; }

    void setScale(const MatrixScale &scale);
    MatrixScale scale() const { return m_scale; }
    // The colour scale's ends as shown (an automatic scale resolved for the matrix).
    double scaleLow() const { return m_shownLow; }
    double scaleHigh() const { return m_shownHigh; }
    // The colour of a value as the cells show it.
    QColor cellColor(double value) const;
    // The colour bar on the right of the cells.
    void setColorBarVisible(bool visible);
    bool colorBarVisible() const { return m_colorBarShown; }
    // Each cell's value ("0.31") where it fits.
    void setCellValuesShown(bool shown);
    bool cellValuesShown() const { return m_showValues; }
    // Cells right of the diagonal are masked (causal attention): drawn as a hatched blank with
    // no value, never as zeros. The mask is told, never guessed from the values.
    void setCausalMask(bool causal);
    bool causalMask() const { return m_causal; }
    bool isMasked(int row, int column) const { return m_causal && column > row; }
    void setHighlightedRow(int row); // −1 clears
    int highlightedRow() const { return m_highlightedRow; }
    // Rings the whole panel in the highlight colour.
    void setSelected(bool selected);
    bool isSelected() const { return m_selected; }
    // Figures draw emoji from an outline face (see fonts.h); the window in colour.
    void setFontTarget(FontTarget target);

    // The tick labels currently drawn on the column (horizontal) or row (vertical) axis.
    QStringList axisLabels(Qt::Orientation orientation) const;
    // Where those labels are drawn after the last layoutFor(), in plot pixels (measured with the
    // label font; rotated column labels are as wide as a line is high).
    QList<QRectF> labelRects(Qt::Orientation orientation) const;
    // The font labels are drawn with: the widget's font with the faces fonts.h chooses for the
    // labels, shrunk (never below kMinLabelPoints) before labels are thinned out.
    QFont labelFont() const { return m_labelFont; }
    QColor labelColor() const;
    QColor backgroundColor() const; // behind the cells and labels
    static constexpr double kMinLabelPoints = 6.0;
    // Width of the ring a selected panel gets, kept free around the plot in every panel.
    static constexpr int kSelectionRing = 3;
    // Above this many cells a side, figures draw the cells as one lossless image instead of one
    // vector rectangle per cell (text, axes and colour bar stay vector).
    static constexpr int kMaxVectorCells = 64;

    // The cell under a widget position as (column, row), or (−1, −1).
    QPoint cellAt(const QPoint &widgetPos) const;
    // The centre of a cell and the cells' rectangle, in widget coordinates.
    QPointF cellCentre(int row, int column) const;
    QRect cellsRect() const;
    // The child that takes the mouse (clicks and double clicks are sent there).
    QWidget *plotArea() const;

    // Chooses labels, their stride and rotation for a plot of this size (the widget's own size
    // on screen; a figure's panel size when exporting).
    void layoutFor(const QSize &size);
    // Draws the plot laid out at target.size() into target: as vectors (cells as rectangles up
    // to kMaxVectorCells a side) when the painter came from figurePainter(). The plot stays laid
    // out for the target (layoutFor(size()) puts a shown widget back).
    void renderTo(QPainter &painter, const QRect &target);
    // Draws what the widget shows (caption, note, plot) at `size`, with these colours for the
    // background and text (a figure passes white and near-black, whatever the desktop theme).
    void paintTo(QPainter &painter, const QSize &size, const QColor &background,
                 const QColor &text);
    // The plot alone as an image of this size, as the screen draws it.
    QImage toImage(const QSize &size);
    // A painter for figures: renderTo draws vectors through it. Call begin() on it.
    using FigurePainter = std::unique_ptr<QPainter, void (*)(QPainter *)>;
    static FigurePainter figurePainter();
    // The cells of `values` one pixel each, for diagrams that lay matrices out themselves:
    // made once with cellImage, drawn with paintCells into `cells` (no labels or bar), where
    // non-finite values (−∞ under a causal mask) are drawn as masked cells.
    static QImage cellImage(const Eigen::MatrixXf &values, const MatrixScale &scale);
    static void paintCells(QPainter &painter, const QRectF &cells, const QImage &image,
                           const Eigen::MatrixXf &values);
    // Fills `area` as masked cells look: a warm neutral blank (in no colour map), then draws
    // the light diagonal `hatching` over it (empty when cells are too small to show it).
    static void paintMaskedArea(QPainter &painter, const QPainterPath &area,
                                const QPainterPath &hatching);

    // Number of times the plot has been painted; for tests and benchmarks.
    quint64 paintCount() const;

signals:
    void rowClicked(int row); // a cell or a row label, left button
    void doubleClicked();     // the left button, anywhere on the plot
    void painted();

protected:
    // The tooltip of a cell (none by default).
    virtual QString cellToolTipAt(int row, int column) const;
    // The badge's tooltip (none by default).
    virtual QString badgeToolTipText() const { return {}; }
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void applyPalette(const QColor &background, const QColor &text);
    void applyPalette();
    void updateScale();
    void relayout();
    bool updateRanges();
    void replotCells();
    bool placeLabels(const QFont &font);
    void showToolTip(QMouseEvent *event);
    void handlePress(QMouseEvent *event);

    QLabel *m_captionLabel;
    QLabel *m_noteLabel;
    PlotCanvas *m_plot;
    QCPTextElement *m_title;
    QCPLayoutGrid *m_header; // the title, and the badge under it when there is one
    BadgeElement *m_badge;   // in m_header only while it has text
    QString m_badgeText;
    CellMap *m_map;
    QCPColorScale *m_bar;
    QSharedPointer<QCPAxisTickerText> m_columnTicker, m_rowTicker;
    QStringList m_rowLabels, m_columnLabels;
    Eigen::MatrixXf m_matrix;
    MatrixScale m_scale;
    double m_shownLow = 0, m_shownHigh = 1;
    QString m_note;
    int m_highlightedRow = -1;
    bool m_colorBarShown = false;
    bool m_showValues = false;
    bool m_causal = false;
    bool m_selected = false;
    FontTarget m_fontTarget = FontTarget::Screen;
    bool m_rotated = false, m_stacked = false;
    QFont m_labelFont, m_valueFont;
};

} // namespace attnviz::ui
