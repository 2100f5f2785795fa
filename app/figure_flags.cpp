// The figure and view flags of the command line.
#include "cli_text.h"
#include "command_line_flags.h"

#include <attnviz/error.h>

namespace attnviz::cli_detail {

// What the window's View controls set, for the window and figures alike; a session's view is
// the starting point and these flags override it.
void parseViewOptions(const QCommandLineParser &parser, const Flags &f,
                      CommandLineOptions &options) {
    ui::HeatmapStyle &style = options.figure.style;
    if (parser.isSet(f.colormap) && !ui::parseColormap(parser.value(f.colormap), &style.colormap))
        throw InputError(
            CommandLineText::tr(
                "--colormap: unknown colour map '%1' (use viridis, magma, cividis or grayscale)")
                .arg(parser.value(f.colormap))
                .toStdString());
    if (parser.isSet(f.scale)) {
        const QString mode = parser.value(f.scale);
        if (mode == QLatin1String("shared-unit"))
            style.scale = ui::ColorScale::SharedUnit;
        else if (mode == QLatin1String("shared-max"))
            style.scale = ui::ColorScale::SharedMax;
        else if (mode == QLatin1String("per-head"))
            style.scale = ui::ColorScale::PerHead;
        else
            throw InputError(
                CommandLineText::tr(
                    "--scale: unknown colour scale '%1' (use shared-unit, shared-max or per-head)")
                    .arg(mode)
                    .toStdString());
    }
    if (parser.isSet(f.values) && parser.isSet(f.noValues))
        throw InputError(
            CommandLineText::tr("--values and --no-values contradict each other; give one")
                .toStdString());
    if (parser.isSet(f.values))
        style.showValues = true;
    if (parser.isSet(f.noValues))
        style.showValues = false;
    if (parser.isSet(f.meanPanel))
        options.figure.meanPanel = true;
    if (parser.isSet(f.hideSpecial))
        options.tokenView.hideSpecial = true;
    if (parser.isSet(f.mergeSubwords))
        options.tokenView.mergeSubwords = true;
    if (parser.isSet(f.baselinePanel))
        options.baselinePanel = true;
    options.viewGiven = options.viewGiven || parser.isSet(f.colormap) || parser.isSet(f.scale) ||
                        parser.isSet(f.values) || parser.isSet(f.noValues) ||
                        parser.isSet(f.meanPanel) || parser.isSet(f.baselinePanel) ||
                        parser.isSet(f.hideSpecial) || parser.isSet(f.mergeSubwords);
}

void parseFigureOptions(const QCommandLineParser &parser, const Flags &f,
                        CommandLineOptions &options) {
    ui::FigureOptions &figure = options.figure;
    const bool figureFlags = parser.isSet(f.dpi) || parser.isSet(f.head) ||
                             parser.isSet(f.columns) || parser.isSet(f.size) ||
                             parser.isSet(f.caption) || parser.isSet(f.roles) ||
                             parser.isSet(f.width) || parser.isSet(f.height) ||
                             parser.isSet(f.fontSize) || parser.isSet(f.view);
    // The window opens a model on --layer K; a dump or a metrics table has every layer.
    const bool windowLayer = !options.model.isEmpty() && options.dumpPath.isEmpty() &&
                             options.saveWeightsPath.isEmpty() && !parser.isSet(f.metrics);
    if ((figureFlags || (parser.isSet(f.layer) && !windowLayer)) && options.exportPath.isEmpty())
        throw InputError(
            CommandLineText::tr("--dpi, --head, --columns, --size, --width, --height, --font-size, "
                                "--layer, --view, --caption and --roles go with --export FILE")
                .toStdString());
    if (!options.exportPath.isEmpty() && ui::FigureRenderer::formatOf(options.exportPath).isEmpty())
        throw InputError(
            CommandLineText::tr("--export: cannot tell the format of '%1'; use .png, .svg or .pdf")
                .arg(options.exportPath)
                .toStdString());
    figure.scale =
        (parser.isSet(f.dpi)
             ? static_cast<double>(parseInteger(parser, f.dpi, ui::FigureOptions::kMinDpi,
                                                ui::FigureOptions::kMaxDpi))
             : 192.0) /
        96.0;
    if (parser.isSet(f.head)) {
        const QString head = parser.value(f.head);
        if (head == QLatin1String("mean")) {
            figure.part = ui::FigureOptions::Part::Mean;
        } else if (head != QLatin1String("all")) {
            figure.part = ui::FigureOptions::Part::Head;
            figure.head =
                static_cast<int>(parseInteger(parser, f.head, 1, ConfigLimits::maxHeads)) - 1;
        }
    }
    if (parser.isSet(f.view)) {
        const QString view = parser.value(f.view);
        if (view == QLatin1String("model"))
            figure.part = ui::FigureOptions::Part::Model;
        else if (view != QLatin1String("heads"))
            throw InputError(CommandLineText::tr("--view: unknown view '%1' (use heads or model)")
                                 .arg(view)
                                 .toStdString());
        if (figure.part == ui::FigureOptions::Part::Model &&
            (parser.isSet(f.head) || parser.isSet(f.layer) || parser.isSet(f.columns)))
            throw InputError(
                CommandLineText::tr(
                    "--view model draws every layer and head; drop --head, --layer and "
                    "--columns")
                    .toStdString());
    }
    options.layerGiven = parser.isSet(f.layer);
    if (options.layerGiven) // checked against the model's layers once it is loaded
        figure.layer = static_cast<int>(parseInteger(parser, f.layer, 1, 10'000)) - 1;
    if (parser.isSet(f.columns))
        figure.columns =
            static_cast<int>(parseInteger(parser, f.columns, 1, ConfigLimits::maxHeads));
    parseViewOptions(parser, f, options);
    if (parser.isSet(f.size)) {
        const QStringList parts = parser.value(f.size).split(u'x');
        bool okW = false, okH = false;
        const int w = parts.size() == 2 ? parts[0].toInt(&okW) : 0;
        const int h = parts.size() == 2 ? parts[1].toInt(&okH) : 0;
        constexpr int lo = ui::FigureOptions::kMinSide, hi = ui::FigureOptions::kMaxSide;
        if (!okW || !okH || w < lo || h < lo || w > hi || h > hi)
            throw InputError(
                CommandLineText::tr("--size: '%1' is not WIDTHxHEIGHT with sides from %2 to %3")
                    .arg(parser.value(f.size))
                    .arg(lo)
                    .arg(hi)
                    .toStdString());
        figure.size = {w, h};
    }
    if (parser.isSet(f.size) && (parser.isSet(f.width) || parser.isSet(f.height)))
        throw InputError(
            CommandLineText::tr("--size and --width/--height say the same thing; give one")
                .toStdString());
    if (parser.isSet(f.width) || parser.isSet(f.height)) { // physical units, 96 pixels an inch
        // Without a height, the aspect of the nearest preset: a column figure is not a slide.
        const auto presetAspect = [](double inches) {
            using Preset = ui::FigureOptions::Preset;
            const QSizeF p = ui::FigureOptions::presetInches(inches < 5    ? Preset::SingleColumn
                                                             : inches < 10 ? Preset::DoubleColumn
                                                                           : Preset::Slide16x9);
            return p.height() / p.width();
        };
        const double aspect =
            presetAspect(parser.isSet(f.width) ? ui::parseLength(parser.value(f.width)) : 7.0);
        const double widthInches = parser.isSet(f.width)
                                       ? ui::parseLength(parser.value(f.width))
                                       : ui::parseLength(parser.value(f.height)) / aspect;
        const double heightInches =
            parser.isSet(f.height) ? ui::parseLength(parser.value(f.height)) : widthInches * aspect;
        figure.size = ui::FigureOptions::sizeFromInches({widthInches, heightInches});
    }
    if (parser.isSet(f.fontSize)) {
        bool ok = false;
        const double points = parser.value(f.fontSize).toDouble(&ok);
        if (!ok || points < ui::FigureOptions::kMinFontPoints ||
            points > ui::FigureOptions::kMaxFontPoints)
            throw InputError(
                CommandLineText::tr("--font-size: '%1' is not a size from %2 to %3 points")
                    .arg(parser.value(f.fontSize))
                    .arg(ui::FigureOptions::kMinFontPoints)
                    .arg(ui::FigureOptions::kMaxFontPoints)
                    .toStdString());
        figure.fontPoints = points;
    }
    figure.caption = parser.isSet(f.caption);
    figure.roleBadges = parser.isSet(f.roles);
}

} // namespace attnviz::cli_detail
