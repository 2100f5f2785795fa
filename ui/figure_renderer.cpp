#include "figure_renderer.h"

#include "attention_session.h"
#include "colormaps.h"
#include "head_grid_view.h"
#include "heatmap_view.h"
#include "panel_specs.h"

#include <attnviz/error.h>

#include <qcustomplot.h>

#include <QFileInfo>
#include <QImageWriter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace attnviz::ui {

namespace {

// Figures are printed: black text on white whatever the desktop's theme.
QPalette printPalette() {
    QPalette p;
    p.setColor(QPalette::Window, Qt::white);
    p.setColor(QPalette::WindowText, QColor(0x20, 0x20, 0x20));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::Text, QColor(0x20, 0x20, 0x20));
    p.setColor(QPalette::Highlight, QColor(0xD6, 0x27, 0x28));
    return p;
}

HeatmapView *makePanel(const PanelSpec &spec, const QStringList &tokens,
                       const HeatmapStyle &style) {
    auto *view = new HeatmapView;
    view->setAttribute(Qt::WA_DontShowOnScreen);
    view->setPalette(printPalette());
    view->setStyle(style);
    view->setTitle(spec.title, spec.tooltipName);
    view->setTokens(tokens);
    view->setMatrix(*spec.matrix);
    return view;
}

void writeOrFail(QSaveFile &file, const QString &path) {
    if (!file.commit())
        throw InputError(("cannot write '" + path + "': " + file.errorString()).toStdString());
}

} // namespace

QString figureCaption(const SessionSnapshot &s) {
    const AttentionConfig &c = s.options.attention;
    QStringList parts;
    parts << (c.singleHead   ? QObject::tr("single head (Self_Attention)")
              : c.heads == 1 ? QObject::tr("1 head")
                             : QObject::tr("%1 heads").arg(c.heads));
    parts << QObject::tr("d_model %1, dk %2, dv %3").arg(c.dModel).arg(c.dk).arg(c.dv);
    if (c.causal)
        parts << QObject::tr("causal");
    parts << QObject::tr("seed %1").arg(s.options.seed);
    parts << (s.options.positional ? QObject::tr("positional encoding")
                                   : QObject::tr("no positional encoding"));
    return QStringLiteral("“%1” — %2")
        .arg(QString::fromStdString(s.options.sentence).simplified(),
             parts.join(QStringLiteral(", ")));
}

FigureRenderer::FigureRenderer(const SessionSnapshot &snapshot, const FigureOptions &options)
    : m_options(options)
    , m_caption(figureCaption(snapshot)) {
    const auto heads = static_cast<int>(snapshot.result.attention.heads.size());
    QList<PanelSpec> specs;
    switch (options.part) {
    case FigureOptions::Part::Grid:
        specs = gridPanels(snapshot, options.meanPanel);
        break;
    case FigureOptions::Part::Head:
        if (options.head < 0 || options.head >= heads)
            throw InputError("there is no head " + std::to_string(options.head + 1) +
                             "; the model has " + std::to_string(heads));
        specs << headPanel(snapshot, options.head);
        break;
    case FigureOptions::Part::Mean:
        specs << meanPanel(snapshot);
        break;
    }
    for (const PanelSpec &spec : std::as_const(specs))
        m_panels << makePanel(spec, snapshot.tokens, options.style);
    m_showColorBar = options.style.scale != ColorScale::PerHead;
    if (options.style.scale == ColorScale::SharedMax) {
        m_upper = HeatmapView::largestValue(m_panels);
        for (HeatmapView *view : std::as_const(m_panels))
            view->setSharedUpper(m_upper);
    }
}

FigureRenderer::~FigureRenderer() {
    qDeleteAll(m_panels);
}

QSize FigureRenderer::pixelSize() const {
    return (QSizeF(m_options.size) * m_options.scale).toSize();
}

// A gradient and its ticks drawn as vectors (the window's QCPColorScale is a raster image).
void FigureRenderer::paintColorBar(QPainter &painter, const QRect &bar) const {
    QLinearGradient gradient(bar.bottomLeft(), bar.topLeft());
    for (int i = 0; i <= 16; ++i)
        gradient.setColorAt(i / 16.0, colorAt(m_options.style.colormap, i / 16.0));
    painter.save();
    painter.setPen(QPen(QColor(0x20, 0x20, 0x20), 1));
    painter.setBrush(gradient);
    painter.drawRect(bar);
    QFont font;
    painter.setFont(font);
    const QFontMetrics metrics(font);
    const double step = m_upper > 0.5 ? 0.2 : m_upper > 0.2 ? 0.05 : m_upper > 0.1 ? 0.02 : 0.01;
    for (int i = 0; i * step <= m_upper + 1e-9; ++i) {
        const double value = i * step;
        const int y = bar.bottom() - qRound(value / m_upper * bar.height());
        painter.drawLine(bar.right(), y, bar.right() + 4, y);
        const QString label = QString::number(value, 'g', 3);
        painter.drawText(QRect(bar.right() + 7, y - metrics.height() / 2, 60, metrics.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, label);
    }
    painter.translate(bar.right() + 14 + metrics.horizontalAdvance(QStringLiteral("0.00")),
                      bar.center().y());
    painter.rotate(90);
    painter.drawText(
        QRect(-bar.height() / 2, -metrics.height(), bar.height(), metrics.height() + 4),
        Qt::AlignCenter, QObject::tr("attention weight"));
    painter.restore();
}

QRect FigureRenderer::captionRect() const {
    if (!m_options.caption)
        return {};
    const int height = QFontMetrics(QFont()).height() * 3;
    return {16, m_options.size.height() - height, m_options.size.width() - 32, height};
}

void FigureRenderer::paint(QCPPainter &painter) {
    const QSize size = m_options.size;
    painter.fillRect(QRect(QPoint(0, 0), size), Qt::white);

    const int barWidth = m_showColorBar ? kColorBarWidth : 0;
    const QRect area(8, 8, size.width() - 16 - barWidth,
                     size.height() - 16 - captionRect().height());
    const int count = static_cast<int>(m_panels.size());
    const int columns = m_options.columns > 0
                            ? std::min(m_options.columns, count)
                            : HeadGridView::balancedColumns(count, area.width(), area.height());
    const int rows = (count + columns - 1) / columns;
    const double cellW = area.width() / double(columns), cellH = area.height() / double(rows);
    for (int i = 0; i < count; ++i) {
        const QRect cell(area.left() + qRound((i % columns) * cellW),
                         area.top() + qRound((i / columns) * cellH), qRound(cellW) - 6,
                         qRound(cellH) - 6);
        HeatmapView *view = m_panels[i];
        view->layoutFor(cell.size());
        painter.save();
        painter.translate(cell.topLeft());
        view->plot()->toPainter(&painter, cell.width(), cell.height());
        painter.restore();
    }
    if (m_showColorBar)
        paintColorBar(painter, QRect(area.right() + 12, area.top() + 24, 16,
                                     std::min(area.height() - 48, 480)));
    if (m_options.caption) {
        painter.setPen(QColor(0x20, 0x20, 0x20));
        painter.setFont(QFont());
        painter.drawText(captionRect(), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap,
                         m_caption);
    }
}

QImage FigureRenderer::toImage() {
    QImage image(pixelSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(m_options.scale);
    // Paint at 96 logical DPI, as on screen, so point sizes match the layout; the file then
    // records the real resolution.
    image.setDotsPerMeterX(qRound(96.0 / 0.0254));
    image.setDotsPerMeterY(qRound(96.0 / 0.0254));
    image.fill(Qt::white);
    {
        QCPPainter painter(&image);
        painter.setMode(QCPPainter::pmVectorized); // cells as rectangles: sharp at any scale
        painter.setRenderHint(QPainter::TextAntialiasing);
        paint(painter);
    }
    const int dotsPerMeter = qRound(96.0 * m_options.scale / 0.0254);
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    return image;
}

QString FigureRenderer::formatOf(const QString &path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    return QStringList{"png", "svg", "pdf"}.contains(suffix) ? suffix : QString();
}

void FigureRenderer::save(const QString &path) {
    const QString format = formatOf(path);
    if (format.isEmpty())
        throw InputError(
            ("cannot tell the format of '" + path + "': use .png, .svg or .pdf").toStdString());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw InputError(("cannot write '" + path + "': " + file.errorString()).toStdString());
    if (format == QLatin1String("png")) {
        QImageWriter writer(&file, "png");
        if (!writer.write(toImage()))
            throw InputError(
                ("cannot write '" + path + "': " + writer.errorString()).toStdString());
    } else if (format == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(m_options.size);
        svg.setViewBox(QRect(QPoint(0, 0), m_options.size));
        svg.setResolution(96);
        svg.setTitle(QStringLiteral("attnviz figure"));
        svg.setDescription(m_caption);
        QCPPainter painter(&svg);
        painter.setMode(QCPPainter::pmVectorized);
        paint(painter);
    } else {
        QPdfWriter pdf(&file);
        pdf.setResolution(96);
        pdf.setPageSize(QPageSize(QSizeF(m_options.size) * 72.0 / 96.0, QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setCreator(QStringLiteral("attnviz"));
        pdf.setTitle(m_caption);
        QCPPainter painter(&pdf);
        painter.setMode(QCPPainter::pmVectorized);
        paint(painter);
    }
    writeOrFail(file, path);
}

} // namespace attnviz::ui
