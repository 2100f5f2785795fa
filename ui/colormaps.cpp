#include "colormaps.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <cmath>

namespace attnviz::ui {

namespace {
// The translation context of this file's free functions.
struct ColormapText {
    Q_DECLARE_TR_FUNCTIONS(attnviz::ui::Colormaps)
};
} // namespace

namespace {

using Stops = std::array<QRgb, 17>;

// Sampled at i/16, i = 0 … 16, from matplotlib 3.6's listed colormaps.
constexpr Stops kViridis = {0x440154, 0x48186A, 0x472D7B, 0x424086, 0x3B528B, 0x33638D,
                            0x2C728E, 0x26828E, 0x21918C, 0x1FA088, 0x28AE80, 0x3FBC73,
                            0x5EC962, 0x84D44B, 0xADDC30, 0xD8E219, 0xFDE725};
constexpr Stops kMagma = {0x000004, 0x0A0822, 0x1D1147, 0x36106B, 0x51127C, 0x6A1C81,
                          0x832681, 0x9C2E7F, 0xB73779, 0xD0416F, 0xE75263, 0xF56B5C,
                          0xFC8961, 0xFEA772, 0xFEC488, 0xFDE2A3, 0xFCFDBF};
constexpr Stops kCividis = {0x00224E, 0x002E6A, 0x1A386F, 0x32436D, 0x434E6C, 0x535A6D,
                            0x61656F, 0x6F7073, 0x7D7C78, 0x8C8878, 0x9B9476, 0xABA072,
                            0xBCAE6C, 0xCDBB63, 0xDEC958, 0xF0D846, 0xFEE838};

// Grayscale runs white → black so low attention prints as paper and high attention as ink.
Stops grayscaleStops() {
    Stops stops{};
    for (std::size_t i = 0; i < stops.size(); ++i) {
        const int v = 255 - static_cast<int>(std::lround(255.0 * static_cast<double>(i) / 16.0));
        stops[i] = qRgb(v, v, v);
    }
    return stops;
}

Stops stopsOf(Colormap map) {
    switch (map) {
    case Colormap::Viridis:
        return kViridis;
    case Colormap::Magma:
        return kMagma;
    case Colormap::Cividis:
        return kCividis;
    case Colormap::Grayscale:
        return grayscaleStops();
    }
    return kViridis;
}

} // namespace

QStringList colormapDisplayNames() {
    return {ColormapText::tr("Viridis"), ColormapText::tr("Magma"),
            ColormapText::tr("Cividis (colour-blind safe)"), ColormapText::tr("Grayscale (print)")};
}

QString colormapName(Colormap map) {
    switch (map) {
    case Colormap::Viridis:
        return QStringLiteral("viridis");
    case Colormap::Magma:
        return QStringLiteral("magma");
    case Colormap::Cividis:
        return QStringLiteral("cividis");
    case Colormap::Grayscale:
        return QStringLiteral("grayscale");
    }
    return {};
}

bool parseColormap(const QString &name, Colormap *map) {
    for (Colormap m :
         {Colormap::Viridis, Colormap::Magma, Colormap::Cividis, Colormap::Grayscale}) {
        if (name.compare(colormapName(m), Qt::CaseInsensitive) == 0) {
            *map = m;
            return true;
        }
    }
    return false;
}

QColor colorAt(Colormap map, double t) {
    const Stops stops = stopsOf(map);
    const double x = std::clamp(t, 0.0, 1.0) * 16.0;
    const auto i = std::min<std::size_t>(static_cast<std::size_t>(x), 15);
    const double f = x - static_cast<double>(i);
    const QColor a(stops[i]), b(stops[i + 1]);
    return QColor::fromRgbF(static_cast<float>(a.redF() + f * (b.redF() - a.redF())),
                            static_cast<float>(a.greenF() + f * (b.greenF() - a.greenF())),
                            static_cast<float>(a.blueF() + f * (b.blueF() - a.blueF())));
}

QColor contrastingTextColor(const QColor &background) {
    // Relative luminance (sRGB weights); dark text above the midpoint reads best on all four maps.
    const double luminance =
        0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return luminance > 0.45 ? QColor(0x10, 0x10, 0x10) : QColor(0xF5, 0xF5, 0xF5);
}

} // namespace attnviz::ui
