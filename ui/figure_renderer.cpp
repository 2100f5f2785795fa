#include "figure_renderer.h"

#include "attention_session.h"
#include "colormaps.h"
#include "fonts.h"
#include "head_grid_view.h"
#include "heatmap_view.h"
#include "model_thumbnails.h"
#include "panel_specs.h"

#include <QCoreApplication>
#include <attnviz/error.h>

#include <QBuffer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImageWriter>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QTextLayout>

#include <QtMath>
#include <cerrno>

#include <cmath>
#include <cstring>

namespace attnviz::ui {

namespace {
// The translation context of this file's free functions.
struct FigureText {
    Q_DECLARE_TR_FUNCTIONS(attnviz::ui::FigureRenderer)
};
} // namespace

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

HeatmapView *makePanel(const PanelSpec &spec, const QStringList &tokens, const QFont &font,
                       const HeatmapStyle &style, bool causal, bool badge) {
    auto *view = new HeatmapView;
    view->setAttribute(Qt::WA_DontShowOnScreen);
    view->setPalette(printPalette());
    view->setFontTarget(FontTarget::Figure);
    view->setFont(font);
    view->setStyle(style);
    view->setCausalMask(causal);
    view->setTitle(spec.title, spec.tooltipName);
    if (badge)
        view->setBadge(spec.badge, QString(), spec.badgeColor);
    view->setTokens(tokens);
    view->setMatrix(*spec.matrix);
    return view;
}

InputError writeError(const QString &name, const QString &cause) {
    return InputError(("cannot write '" + name + "': " + cause).toStdString());
}

// Passes writes on to a device and remembers the first one that failed, with the device's own
// reason, since QImageWriter, QSvgGenerator and QPdfWriter report only "Unknown error" or not
// at all.
class CheckedDevice : public QIODevice {
public:
    explicit CheckedDevice(QIODevice &target)
        : m_target(target) {
        open(QIODevice::WriteOnly);
    }
    bool failed() const { return m_failed; }
    QString failure() const { return m_failure; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 length) override {
        if (m_failed)
            return -1;
        qint64 done = 0;
        while (done < length) {
            errno = 0;
            const qint64 n = m_target.write(data + done, length - done);
            if (n <= 0) {
                const int cause = errno; // a file's own reason ("No space left on device")
                m_failed = true;
                m_failure = m_target.errorString();
                if ((m_failure.isEmpty() || m_failure == QLatin1String("Unknown error")) &&
                    cause != 0)
                    m_failure = QString::fromLocal8Bit(std::strerror(cause));
                if (m_failure.isEmpty() || m_failure == QLatin1String("Unknown error"))
                    m_failure = FigureText::tr("the device accepted only %1 of %2 bytes")
                                    .arg(done)
                                    .arg(length);
                return -1;
            }
            done += n;
        }
        return length;
    }

private:
    QIODevice &m_target;
    bool m_failed = false;
    QString m_failure;
};

// QSvgGenerator names one font family and leaves image smoothing to the viewer: name families
// that every viewer resolves, and keep embedded cell images sharp (one pixel is one cell).
QByteArray finishSvg(QByteArray svg, const QString &caption) {
    static const QRegularExpression family(QStringLiteral("font-family=\"([^\"]*)\""));
    QString text = QString::fromUtf8(svg);
    QString out;
    out.reserve(text.size() + 4096);
    qsizetype last = 0;
    auto it = family.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        QString first = m.captured(1);
        first.remove(u'\'');
        out += QStringLiteral("font-family=\"%1\"").arg(cssFontFamilies(first, caption));
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    // Qt already writes image-rendering="optimizeSpeed" (SVG 1.1); browsers want the CSS value.
    out.replace(QStringLiteral("<image "),
                QStringLiteral("<image style=\"image-rendering:pixelated\" "));
    return out.toUtf8();
}

} // namespace

QSizeF FigureOptions::presetInches(Preset preset) {
    switch (preset) {
    case Preset::SingleColumn:
        return {3.3, 2.5};
    case Preset::DoubleColumn:
        return {7.0, 3.5};
    case Preset::Slide16x9:
        return {13.333, 7.5};
    }
    return {7.0, 3.5};
}

QSize FigureOptions::sizeFromInches(const QSizeF &inches) {
    return {qRound(inches.width() * 96.0), qRound(inches.height() * 96.0)};
}

void FigureOptions::validate(bool png) const {
    const auto fail = [](const QString &message) { throw InputError(message.toStdString()); };
    if (size.width() < kMinSide || size.height() < kMinSide || size.width() > kMaxSide ||
        size.height() > kMaxSide)
        fail(FigureText::tr("the figure size %1 × %2 px (%3 × %4 in) is outside %5 … %6 px "
                            "(%7 … %8 in) a side")
                 .arg(size.width())
                 .arg(size.height())
                 .arg(size.width() / 96.0, 0, 'g', 3)
                 .arg(size.height() / 96.0, 0, 'g', 3)
                 .arg(kMinSide)
                 .arg(kMaxSide)
                 .arg(kMinSide / 96.0, 0, 'g', 3)
                 .arg(kMaxSide / 96.0, 0, 'g', 3));
    const double dpi = scale * 96.0;
    if (!(dpi >= kMinDpi - 1e-6 && dpi <= kMaxDpi + 1e-6))
        fail(FigureText::tr("%1 DPI is outside %2 … %3 DPI").arg(dpi).arg(kMinDpi).arg(kMaxDpi));
    if (fontPoints != 0 && !(fontPoints >= kMinFontPoints && fontPoints <= kMaxFontPoints))
        fail(FigureText::tr("a font size of %1 pt is outside %2 … %3 pt")
                 .arg(fontPoints)
                 .arg(kMinFontPoints)
                 .arg(kMaxFontPoints));
    if (png) {
        const qint64 w = std::llround(size.width() * scale),
                     h = std::llround(size.height() * scale);
        if (w * h > kMaxPixels)
            fail(FigureText::tr("a %1 × %2 pixel PNG (%3 million pixels, %4 GB of memory) is "
                                "above the limit of %5 million pixels; lower the size or the DPI, "
                                "or export SVG or PDF")
                     .arg(w)
                     .arg(h)
                     .arg(static_cast<double>(w * h) / 1e6, 0, 'f', 0)
                     .arg(static_cast<double>(w * h) * 4 / 1e9, 0, 'f', 1)
                     .arg(kMaxPixels / 1'000'000));
    }
}

double parseLength(const QString &text) {
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)\\s*(in|mm|cm|pt|px)?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    const auto match = pattern.match(text);
    const double value = match.hasMatch() ? match.captured(1).toDouble() : 0;
    if (!match.hasMatch() || !(value > 0) || !std::isfinite(value))
        throw InputError(FigureText::tr("'%1' is not a length; write a positive number with a "
                                        "unit: in, mm, cm, pt or px (e.g. 3.3in, 84mm)")
                             .arg(text)
                             .toStdString());
    const QString unit = match.captured(2).toLower();
    if (unit == QLatin1String("in"))
        return value;
    if (unit == QLatin1String("mm"))
        return value / 25.4;
    if (unit == QLatin1String("cm"))
        return value / 2.54;
    if (unit == QLatin1String("pt"))
        return value / 72.0;
    return value / 96.0; // px, and a bare number
}

QString figureWeightsName(const QString &weightsPath, const std::string &module) {
    if (weightsPath.isEmpty())
        return {};
    const QString file = QFileInfo(weightsPath).fileName();
    return module.empty()
               ? file
               : FigureText::tr("%1, module %2").arg(file, QString::fromStdString(module));
}

QString figureWeightsName(const AttentionSession &session) {
    if (const auto model = session.model()) // a whole model: its name, and the layer shown
        return FigureText::tr("model %1, layer %2 of %3")
            .arg(QString::fromStdString(model->model.spec.name))
            .arg(session.layer() + 1)
            .arg(model->model.layers());
    if (!session.hasLoadedWeights())
        return {};
    const QString path =
        session.weightsPath().isEmpty() ? session.weightsSource() : session.weightsPath();
    return figureWeightsName(path, session.weightsPrefix().value_or(std::string()));
}

namespace {

// "model gpt2_plain, layer 2 of 3", or "…, every layer" for the model view: from the snapshot
// drawn, so a figure of another layer than the window's names its own.
QString modelFigureName(const SessionSnapshot &s, FigureOptions::Part part) {
    const QString name = QString::fromStdString(s.model->model.spec.name);
    if (part == FigureOptions::Part::Model)
        return FigureText::tr("model %1, every layer").arg(name);
    return FigureText::tr("model %1, layer %2 of %3")
        .arg(name)
        .arg(s.layer + 1)
        .arg(s.model->model.layers());
}

} // namespace

QString figureCaption(const SessionSnapshot &s, const QString &weightsName) {
    const AttentionConfig &c = s.options.attention;
    QStringList parts;
    parts << (c.singleHead ? FigureText::tr("single head (Self_Attention)")
                           : FigureText::tr("%n head(s)", nullptr, c.heads));
    parts << FigureText::tr("d_model %1, dk %2, dv %3").arg(c.dModel).arg(c.dk).arg(c.dv);
    if (c.causal)
        parts << FigureText::tr("causal");
    if (weightsName.isEmpty())
        parts << FigureText::tr("seed %1, random weights").arg(s.options.seed);
    else
        parts << FigureText::tr("weights %1").arg(weightsName);
    parts << (s.options.positional ? FigureText::tr("positional encoding")
                                   : FigureText::tr("no positional encoding"));
    if (s.tokenView.mergeSubwords)
        parts << FigureText::tr("sub-word pieces merged into words");
    if (s.hiddenTokens > 0) // the model saw them; the figure leaves them out
        parts << FigureText::tr("special tokens hidden (rows sum to less than 1)");
    // The sentence sits in a first-strong isolate (U+2068 … U+2069): an Arabic or Hebrew
    // sentence keeps its own direction and leaves the caption's order alone.
    return QStringLiteral("“\u2068%1\u2069” — %2")
        .arg(QString::fromStdString(s.options.sentence).simplified(),
             parts.join(QStringLiteral(", ")));
}

FigureRenderer::FigureRenderer(const SessionSnapshot &shown, const FigureOptions &options)
    : m_options(options) {
    const SessionSnapshot *source = &shown;
    if (options.layer >= 0 && options.part != FigureOptions::Part::Model &&
        !(shown.run && options.layer == shown.layer)) {
        const int layers = shown.run ? static_cast<int>(shown.run->trace.layers.size()) : 1;
        if (options.layer >= layers)
            throw InputError("there is no layer " + std::to_string(options.layer + 1) +
                             "; the model has " + std::to_string(layers));
        if (shown.run) {
            m_layerSnapshot = std::make_unique<SessionSnapshot>(shown);
            showLayer(*m_layerSnapshot, options.layer);
            source = m_layerSnapshot.get();
        }
    }
    const SessionSnapshot &snapshot = *source;
    m_caption = figureCaption(snapshot, snapshot.model ? modelFigureName(snapshot, options.part)
                                                       : options.weightsName);
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
    case FigureOptions::Part::Model:
        m_thumbnails = std::make_unique<ModelThumbnails>();
        m_thumbnails->setStyle(options.style);
        m_thumbnails->setSnapshot(snapshot);
        m_upper = m_thumbnails->upper();
        // Masked cells are plain grey in thumbnails, unlike the legend's hatched swatch.
        m_masked = false;
        return; // one shared scale, always shown
    }
    m_masked = snapshot.options.attention.causal;
    const QFont font =
        fontFor(textFont(), snapshot.tokens.join(QString()), QLocale(), FontTarget::Figure);
    for (const PanelSpec &spec : std::as_const(specs))
        m_panels << makePanel(spec, snapshot.tokens, font, options.style, m_masked,
                              options.roleBadges);
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

int FigureRenderer::panelCount() const {
    if (m_thumbnails)
        return m_thumbnails->layerCount() * m_thumbnails->headCount();
    return static_cast<int>(m_panels.size());
}

QSize FigureRenderer::pixelSize() const {
    return (QSizeF(m_options.size) * m_options.scale).toSize();
}

QFont FigureRenderer::textFont() const {
    QFont font = fontFor(QGuiApplication::font(), m_caption, QLocale(), FontTarget::Figure);
    if (m_options.fontPoints > 0)
        font.setPointSizeF(m_options.fontPoints);
    return font;
}

int FigureRenderer::colorBarWidth() const {
    const QFontMetrics metrics(textFont());
    return 40 + metrics.horizontalAdvance(QStringLiteral("0.00")) + metrics.height();
}

// A gradient and its ticks drawn as vectors (the window's colour bar is a raster image), and
// the masked cells' legend entry under it.
void FigureRenderer::paintColorBar(QPainter &painter, const QRect &bar) const {
    QLinearGradient gradient(bar.bottomLeft(), bar.topLeft());
    for (int i = 0; i <= 16; ++i)
        gradient.setColorAt(i / 16.0, colorAt(m_options.style.colormap, i / 16.0));
    painter.save();
    painter.setPen(QPen(QColor(0x20, 0x20, 0x20), 1));
    painter.setBrush(gradient);
    painter.drawRect(bar);
    const QFont font = textFont();
    painter.setFont(font);
    const QFontMetrics metrics(font);
    // The finest step whose labels stay a line apart on this bar (a short bar gets fewer ticks).
    double step = 1.0;
    for (const double candidate : {0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1.0}) {
        if (candidate < m_upper / 10)
            continue; // at most ten ticks
        if (candidate / m_upper * bar.height() >= metrics.height() + 2) {
            step = candidate;
            break;
        }
    }
    for (int i = 0; i * step <= m_upper + 1e-9; ++i) {
        const double value = i * step;
        const int y = bar.bottom() - qRound(value / m_upper * bar.height());
        painter.drawLine(bar.right(), y, bar.right() + 4, y);
        const QString label = QString::number(value, 'g', 3);
        painter.drawText(QRect(bar.right() + 7, y - metrics.height() / 2, 60, metrics.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, label);
    }
    if (m_masked) {
        const QRect swatch(bar.left(), bar.bottom() + metrics.height(), bar.width(), bar.width());
        QPainterPath area, hatching;
        area.addRect(swatch);
        const int side = swatch.height();
        for (int x = swatch.left() - side + 5; x < swatch.right(); x += 5) {
            // The diagonal (x + t, bottom − t), clipped to the swatch.
            const int t0 = std::max(0, swatch.left() - x), t1 = std::min(side, swatch.right() - x);
            hatching.moveTo(x + t0, swatch.bottom() - t0);
            hatching.lineTo(x + t1, swatch.bottom() - t1);
        }
        MatrixPlot::paintMaskedArea(painter, area, hatching);
        painter.setPen(QColor(0x20, 0x20, 0x20));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(swatch);
        const QString legend = HeatmapView::maskedLegendText();
        painter.drawText(
            QRect(bar.left(), swatch.bottom() + 2, colorBarWidth(), metrics.height() * 2 + 4),
            Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, legend);
    }
    painter.translate(bar.right() + 14 + metrics.horizontalAdvance(QStringLiteral("0.00")),
                      bar.center().y());
    painter.rotate(90);
    // Centred on the bar, and never clipped when the bar is shorter than the words.
    const QString label = FigureText::tr("attention weight");
    const int length = std::max(bar.height(), metrics.horizontalAdvance(label) + 4);
    painter.drawText(QRect(-length / 2, -metrics.height(), length, metrics.height() + 4),
                     Qt::AlignCenter, label);
    painter.restore();
}

// Laid out as one left-to-right paragraph (the caption's language) in which the sentence keeps
// its own direction, so an Arabic sentence is neither reversed nor moves the English around it.
// Returns the height the lines take at this width.
qreal FigureRenderer::layoutCaption(QTextLayout &layout, qreal width) const {
    layout.setText(m_caption);
    layout.setFont(textFont());
    layout.setTextOption(captionTextOption());
    layout.beginLayout();
    qreal y = 0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    layout.endLayout();
    return y;
}

// As tall as the wrapped caption needs at the figure's width (a single column wraps it more).
QRect FigureRenderer::captionRect() const {
    if (!m_options.caption)
        return {};
    const int width = m_options.size.width() - 32;
    QTextLayout layout;
    const int height = qCeil(layoutCaption(layout, width)) + 8;
    return {16, m_options.size.height() - height - 4, width, height};
}

void FigureRenderer::paintCaption(QPainter &painter) const {
    const QRect rect = captionRect();
    QTextLayout layout;
    layoutCaption(layout, rect.width());
    painter.save();
    painter.setPen(QColor(0x20, 0x20, 0x20));
    layout.draw(&painter, QPointF(rect.left(), rect.top() + 4));
    painter.restore();
}

QTextOption FigureRenderer::captionTextOption() {
    QTextOption option(Qt::AlignLeft);
    option.setWrapMode(QTextOption::WordWrap);
    option.setTextDirection(QGuiApplication::layoutDirection());
    return option;
}

void FigureRenderer::paint(QPainter &painter) {
    const QSize size = m_options.size;
    painter.fillRect(QRect(QPoint(0, 0), size), Qt::white);

    const int barWidth = m_showColorBar ? colorBarWidth() : 0;
    const QRect area(8, 8, size.width() - 16 - barWidth,
                     size.height() - 16 - captionRect().height());
    if (m_thumbnails) {
        painter.save();
        painter.setFont(textFont());
        m_thumbnails->paint(painter, area, QColor(0x20, 0x20, 0x20));
        painter.restore();
    }
    const int count = static_cast<int>(m_panels.size());
    const int columns = count == 0 ? 1
                        : m_options.columns > 0
                            ? std::min(m_options.columns, count)
                            : HeadGridView::balancedColumns(count, area.width(), area.height());
    const int rows = (count + columns - 1) / columns;
    // Square panels (a heatmap is tokens × tokens): a wide, short area — a single-column figure
    // with a caption, one head on a slide — would otherwise stretch every heatmap flat. The
    // block of panels is centred and the colour bar follows it.
    const double side = std::min(area.width() / double(columns), area.height() / double(rows));
    const int blockWidth = qRound(side * columns);
    const int left = area.left() + (area.width() - blockWidth) / 2;
    m_panelRects.clear();
    for (int i = 0; i < count; ++i) {
        const QRect cell(left + qRound((i % columns) * side),
                         area.top() + qRound((i / columns) * side), qRound(side) - 6,
                         qRound(side) - 6);
        m_panelRects << cell;
        HeatmapView *view = m_panels[i];
        view->renderTo(painter, cell);
    }
    if (m_showColorBar) {
        const int legend = m_masked ? QFontMetrics(textFont()).height() * 4 + 16 : 0;
        const int blockHeight = qRound(side * rows);
        paintColorBar(painter, QRect(left + blockWidth + 6, area.top() + 24, 16,
                                     std::max(std::min(blockHeight - 48 - legend, 480), 48)));
    }
    if (m_options.caption)
        paintCaption(painter);
}

QImage FigureRenderer::toImage() {
    m_options.validate(true);
    QImage image(pixelSize(), QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        throw InputError(FigureText::tr("not enough memory for a %1 × %2 pixel image")
                             .arg(pixelSize().width())
                             .arg(pixelSize().height())
                             .toStdString());
    image.setDevicePixelRatio(m_options.scale);
    // Paint at 96 logical DPI, as on screen, so point sizes match the layout; the file then
    // records the real resolution.
    image.setDotsPerMeterX(qRound(96.0 / 0.0254));
    image.setDotsPerMeterY(qRound(96.0 / 0.0254));
    image.fill(Qt::white);
    {
        // Cells as rectangles: sharp at any scale.
        const MatrixPlot::FigurePainter painter = MatrixPlot::figurePainter();
        painter->begin(&image);
        painter->setRenderHint(QPainter::TextAntialiasing);
        paint(*painter);
        painter->end();
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

void FigureRenderer::write(QIODevice &device, const QString &format, const QString &name) {
    m_options.validate(format == QLatin1String("png"));
    CheckedDevice checked(device);
    const auto checkDevice = [&] {
        if (checked.failed())
            throw writeError(name, checked.failure());
    };
    if (format == QLatin1String("png")) {
        // Encoded in memory, then written in one checked write: a full disk then gives its own
        // reason instead of libpng's "Write Error" line and Qt's "Unknown error".
        QBuffer encoded;
        encoded.open(QIODevice::WriteOnly);
        QImageWriter writer(&encoded, "png");
        if (!writer.write(toImage()))
            throw writeError(name, writer.errorString());
        checked.write(encoded.data());
        checkDevice();
    } else if (format == QLatin1String("svg")) {
        // Generated in memory, then finished and written in one checked write.
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(m_options.size);
        svg.setViewBox(QRect(QPoint(0, 0), m_options.size));
        svg.setResolution(96);
        svg.setTitle(QStringLiteral("attnviz figure"));
        svg.setDescription(m_caption);
        {
            const MatrixPlot::FigurePainter painter = MatrixPlot::figurePainter();
            painter->begin(&svg);
            paint(*painter);
            painter->end();
        }
        const QByteArray text = finishSvg(buffer.data(), m_caption);
        buffer.close();
        checked.write(text);
        checkDevice();
    } else if (format == QLatin1String("pdf")) {
        QPdfWriter pdf(&checked);
        pdf.setResolution(96);
        pdf.setPageSize(QPageSize(QSizeF(m_options.size) * 72.0 / 96.0, QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setCreator(QStringLiteral("attnviz"));
        pdf.setTitle(m_caption);
        const MatrixPlot::FigurePainter painter = MatrixPlot::figurePainter();
        if (!painter->begin(&pdf)) {
            checkDevice();
            throw writeError(name, FigureText::tr("the PDF writer could not start"));
        }
        paint(*painter);
        const bool ended = painter->end();
        checkDevice();
        if (!ended)
            throw writeError(name, FigureText::tr("the PDF writer could not finish"));
    } else {
        throw InputError(
            ("cannot tell the format of '" + name + "': use .png, .svg or .pdf").toStdString());
    }
}

void FigureRenderer::save(const QString &path) {
    const QString format = formatOf(path);
    if (format.isEmpty())
        throw InputError(
            ("cannot tell the format of '" + path + "': use .png, .svg or .pdf").toStdString());
    m_options.validate(format == QLatin1String("png")); // before touching the file system
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw writeError(path, file.errorString());
    write(file, format, path);
    if (!file.commit())
        throw writeError(path, file.errorString());
}

} // namespace attnviz::ui
