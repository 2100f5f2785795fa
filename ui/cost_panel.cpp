// CostPanel: parameters, FLOPs and attention-map memory of the current configuration, per head
// and in total, beside one head of the same total width.
#include "cost_panel.h"

#include "attention_session.h"
#include "retranslator.h"
#include "translated_error.h"

#include <attnviz/error.h>

#include <QLocale>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace attnviz::ui {

namespace {

QString number(std::uint64_t value) {
    return QLocale().toString(static_cast<qulonglong>(value));
}

QString bytes(std::uint64_t value) {
    return QLocale().formattedDataSize(static_cast<qint64>(value), 1,
                                       QLocale::DataSizeTraditionalFormat);
}

QString escaped(const std::string &text) {
    return QString::fromStdString(text).toHtmlEscaped();
}

// The one-wide-head line with the same name, if any.
const CostLine *findLine(const std::vector<CostLine> &lines, const std::string &name) {
    for (const CostLine &line : lines)
        if (line.name == name)
            return &line;
    return nullptr;
}

} // namespace

CostPanel::CostPanel(AttentionSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_browser(new QTextBrowser) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_browser);
    m_browser->setOpenLinks(false);
    // Laying out the tables costs more than counting: done only while the panel is shown.
    connect(m_session, &AttentionSession::resultChanged, this, [this] {
        m_stale = true;
        if (isVisible())
            refresh();
    });
    (new Retranslator(this))->add([this] { // the tables are written in the interface's language
        m_stale = true;
        if (isVisible())
            refresh();
    });
}

void CostPanel::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

AttentionConfig CostPanel::configOf(const SessionSnapshot &snapshot) {
    AttentionConfig config =
        snapshot.weights ? snapshot.weights->config() : snapshot.options.attention;
    config.causal = snapshot.options.attention.causal;
    return config;
}

QString CostPanel::text() const {
    return m_browser->toPlainText();
}

void CostPanel::refresh() {
    const auto snapshot = m_session->snapshot();
    if (!snapshot)
        return;
    m_stale = false;
    try {
        m_comparison = compareWithOneWideHead(configOf(*snapshot), snapshot->result.tokens.size());
        m_browser->setHtml(html(*m_comparison));
    } catch (const InputError &error) {
        m_comparison.reset();
        m_browser->setPlainText(translatedError(error));
    }
}

QString CostPanel::html(const CostComparison &comparison) const {
    const CostReport &many = comparison.multiHead;
    const CostReport &wide = comparison.oneWideHead;
    const AttentionConfig &c = many.config;
    const int h = c.heads;
    QString out;
    out += QStringLiteral("<p><b>%1</b><br>%2</p>")
               .arg(tr("%n head(s) of dk = %1, dv = %2 beside one head of dk = %3, dv = %4",
                       nullptr, h)
                        .arg(c.dk)
                        .arg(c.dv)
                        .arg(wide.config.dk)
                        .arg(wide.config.dv),
                    tr("d_model = %1, N = %2 tokens. A multiply-add counts as 2 FLOPs.")
                        .arg(c.dModel)
                        .arg(many.tokens));
    // The article's point in one sentence, from the numbers below.
    std::uint64_t perHeadParameters = 0;
    for (const CostLine &line : many.parameters)
        perHeadParameters += line.perHead;
    out += QStringLiteral("<p>%1</p>")
               .arg(tr("Each of the %n head(s) owns %1 parameters; the one wide head owns %2. "
                       "In total: %3 against %4.",
                       nullptr, h)
                        .arg(number(perHeadParameters), number(wide.totalParameters()),
                             number(many.totalParameters()), number(wide.totalParameters())));

    const auto table = [&](const QString &title, const std::vector<CostLine> &lines,
                           const std::vector<CostLine> &wideLines, std::uint64_t total,
                           std::uint64_t wideTotal, bool inBytes) {
        const auto show = [&](std::uint64_t value) {
            return inBytes ? bytes(value) : number(value);
        };
        QString t = QStringLiteral("<h3>%1</h3><table border='1' cellspacing='0' cellpadding='4'>")
                        .arg(title);
        t += QStringLiteral("<tr><th align='left'>%1</th><th align='left'>%2</th><th>%3</th>"
                            "<th>%4</th><th>%5</th></tr>")
                 .arg(tr("Step"), tr("Formula"), tr("%n head(s): total", nullptr, h),
                      tr("per head"), tr("one wide head"));
        std::uint64_t perHeadSum = 0;
        for (const CostLine &line : lines) {
            const CostLine *other = findLine(wideLines, line.name);
            perHeadSum += line.perHead;
            t += QStringLiteral("<tr><td>%1</td><td>%2</td><td align='right'>%3</td>"
                                "<td align='right'>%4</td><td align='right'>%5</td></tr>")
                     .arg(escaped(line.name), escaped(line.formula), show(line.total),
                          show(line.perHead), other ? show(other->total) : QString());
        }
        t += QStringLiteral("<tr><td><b>%1</b></td><td></td><td align='right'><b>%2</b></td>"
                            "<td align='right'><b>%3</b></td><td align='right'><b>%4</b></td>"
                            "</tr></table>")
                 .arg(tr("Total"), show(total), show(perHeadSum), show(wideTotal));
        return t;
    };
    out += table(tr("Parameters"), many.parameters, wide.parameters, many.totalParameters(),
                 wide.totalParameters(), false);
    out += table(tr("FLOPs per forward"), many.flops, wide.flops, many.totalFlops(),
                 wide.totalFlops(), false);
    out += table(tr("Memory of the attention maps"), many.memory, wide.memory, many.totalMemory(),
                 wide.totalMemory(), true);
    out += QStringLiteral("<p>%1</p>")
               .arg(tr("Per-head parameters (output bias excluded: it is shared) fall as 1/h when "
                       "dk = dv = d_model / h, while the totals stay the same; only the softmax "
                       "and the maps grow with h."));
    return out;
}

} // namespace attnviz::ui
