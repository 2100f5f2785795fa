#include "fonts.h"

#include <QFontDatabase>
#include <QRawFont>

namespace attnviz::ui {

namespace {

// Faces installed by scripts/install-deps.sh (and the .deb's dependencies) for scripts the
// Latin face lacks; Qt tries them in this order before its own fallback.
// Latin faces for when the desktop's font name is an alias such as "Sans Serif".
const QStringList kLatinFamilies = {QStringLiteral("Noto Sans"), QStringLiteral("DejaVu Sans")};
// Faces installed by scripts/install-deps.sh (and the .deb's dependencies) for scripts the
// Latin faces lack; Qt tries them in this order before its own fallback.
const QString kColorEmoji = QStringLiteral("Noto Color Emoji");
const QStringList kScriptFamilies = {
    kColorEmoji,
    QStringLiteral("Noto Sans Thai"),
    QStringLiteral("Loma"),
    QStringLiteral("Noto Sans Arabic"),
    QStringLiteral("Noto Sans Devanagari"),
    QStringLiteral("Noto Sans Hebrew"),
};

bool containsScript(const QString &text, QChar::Script a, QChar::Script b = QChar::Script_Unknown) {
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text[i].unicode();
        if (text[i].isHighSurrogate() && i + 1 < text.size()) {
            c = QChar::surrogateToUcs4(text[i], text[i + 1]);
            ++i;
        }
        const QChar::Script s = QChar::script(c);
        if (s == a || (b != QChar::Script_Unknown && s == b))
            return true;
    }
    return false;
}

bool containsCjk(const QString &text) {
    for (const char32_t c : text.toUcs4()) {
        const QChar::Script s = QChar::script(c);
        if (s == QChar::Script_Han || s == QChar::Script_Hiragana || s == QChar::Script_Katakana ||
            s == QChar::Script_Hangul || s == QChar::Script_Bopomofo)
            return true;
    }
    return false;
}

} // namespace

QString cjkFamilyFor(const QString &text, const QLocale &locale) {
    // The text's own script decides first: kana only occur in Japanese, Hangul only in Korean.
    if (containsScript(text, QChar::Script_Hiragana, QChar::Script_Katakana))
        return QStringLiteral("Noto Sans CJK JP");
    if (containsScript(text, QChar::Script_Hangul))
        return QStringLiteral("Noto Sans CJK KR");
    // Han alone is shared; the user's locale picks the regional shapes, Simplified by default.
    switch (locale.language()) {
    case QLocale::Japanese:
        return QStringLiteral("Noto Sans CJK JP");
    case QLocale::Korean:
        return QStringLiteral("Noto Sans CJK KR");
    case QLocale::Chinese:
        if (locale.territory() == QLocale::HongKong || locale.territory() == QLocale::Macao)
            return QStringLiteral("Noto Sans CJK HK");
        if (locale.script() == QLocale::TraditionalHanScript ||
            locale.territory() == QLocale::Taiwan)
            return QStringLiteral("Noto Sans CJK TC");
        return QStringLiteral("Noto Sans CJK SC");
    default:
        return QStringLiteral("Noto Sans CJK SC");
    }
}

QStringList fontFamiliesFor(const QString &baseFamily, const QString &text, const QLocale &locale,
                            FontTarget target) {
    // An alias ("Sans Serif") is replaced by the first installed Latin face, so Latin text and
    // punctuation never come from the CJK face (whose quotes are full width).
    QString base = baseFamily;
    if (!QFontDatabase::hasFamily(base))
        for (const QString &latin : kLatinFamilies)
            if (QFontDatabase::hasFamily(latin)) {
                base = latin;
                break;
            }
    // Qt draws with the first installed family and then asks the system, which prefers the
    // Simplified face for all Han: so text with CJK characters starts with the chosen CJK face.
    const QString cjk = cjkFamilyFor(text, locale);
    QStringList families = containsCjk(text) ? QStringList{cjk, base} : QStringList{base, cjk};
    for (const QString &family : kScriptFamilies + kLatinFamilies)
        if (!families.contains(family))
            families << family;
    if (target == FontTarget::Figure)
        families.replace(families.indexOf(kColorEmoji), QStringLiteral("Symbola"));
    return families;
}

QFont fontFor(const QFont &base, const QString &text, const QLocale &locale, FontTarget target) {
    QFont font = base;
    font.setFamilies(
        fontFamiliesFor(base.families().value(0, base.family()), text, locale, target));
    // Qt 6.4 caches a font's fallback faces under a key that ignores the later families, so a
    // figure font would inherit the window's colour-emoji fallback; outline preference makes it
    // a font of its own (and says what a figure wants).
    if (target == FontTarget::Figure)
        font.setStyleStrategy(QFont::StyleStrategy(font.styleStrategy() | QFont::PreferOutline));
    return font;
}

QString cssFontFamilies(const QString &family, const QString &text, const QLocale &locale) {
    QStringList quoted;
    for (const QString &f : fontFamiliesFor(family, text, locale, FontTarget::Figure))
        quoted << u'\'' + f + u'\'';
    quoted << QStringLiteral("sans-serif");
    return quoted.join(QStringLiteral(", "));
}

bool fontsCover(const QStringList &families, char32_t ucs4) {
    for (const QString &family : families) {
        if (!QFontDatabase::hasFamily(family))
            continue;
        QFont font(family);
        font.setStyleStrategy(QFont::NoFontMerging);
        if (QRawFont::fromFont(font).supportsCharacter(ucs4))
            return true;
    }
    return false;
}

} // namespace attnviz::ui
