// Fonts: the one place that chooses the font families attnviz draws text with, so Chinese takes
// the Simplified Chinese face of Noto CJK (not the Japanese one) and emoji, Thai, Arabic and
// Devanagari find a face that has them, in the window and in every figure format.
#pragma once

#include <QFont>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace attnviz::ui {

// Where text is drawn. The screen shows emoji in colour (Noto Color Emoji, a bitmap face); figures
// use the outline emoji of Symbola instead, since PDF viewers draw nothing from a colour bitmap
// face and a printed figure is monochrome text anyway.
enum class FontTarget { Screen, Figure };

// The Noto CJK face for Han text: "Noto Sans CJK JP" when the text has kana or the locale is
// Japanese, "… KR" for Hangul or a Korean locale, "… TC" / "… HK" for traditional Chinese
// locales, otherwise "Noto Sans CJK SC" (Chinese text, or Han in a Chinese or Western locale).
QString cjkFamilyFor(const QString &text, const QLocale &locale = QLocale());

// Families for `text` in order: the base family (an alias such as "Sans Serif" becomes Noto Sans
// or DejaVu Sans) and the CJK face chosen above (first when the text has CJK characters, since Qt
// asks the system after the first installed family), then faces for emoji, Thai, Arabic,
// Devanagari and Hebrew, then the Latin faces.
QStringList fontFamiliesFor(const QString &baseFamily, const QString &text,
                            const QLocale &locale = QLocale(),
                            FontTarget target = FontTarget::Screen);

// `base` with fontFamiliesFor() its family list; size and weight are kept.
QFont fontFor(const QFont &base, const QString &text, const QLocale &locale = QLocale(),
              FontTarget target = FontTarget::Screen);

// The CSS font-family list an SVG figure names, which browsers and Inkscape resolve:
// "'DejaVu Sans', 'Noto Sans CJK SC', 'Symbola', …, sans-serif" (the first family is `family`).
QString cssFontFamilies(const QString &family, const QString &text,
                        const QLocale &locale = QLocale());

// True when one of `families` is installed and has its own glyph for `ucs4` (no fallback).
bool fontsCover(const QStringList &families, char32_t ucs4);

} // namespace attnviz::ui
