#include "tour_actions.h"

#include "attention_session.h"
#include "control_panel.h"
#include "head_grid_view.h"
#include "main_window.h"
#include "metrics_dock.h"
#include "metrics_table_model.h"
#include "model_selector.h"
#include "model_view.h"
#include "step_view.h"

#include <attnviz/analysis/head_metrics.h>
#include <attnviz/model/model.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QTabWidget>
#include <QTableView>

namespace attnviz::ui {

namespace {

// Shows an analysis dock in front of the docks tabified with it, wide enough to read. The
// Controls dock makes room for it: at 1280 pixels the heads, the panel and the tour fill the width.
void showDock(MainWindow *window, const char *objectName) {
    auto *dock = window->findChild<QDockWidget *>(QLatin1String(objectName));
    if (!dock)
        return;
    if (auto *controls = window->findChild<QDockWidget *>(QStringLiteral("controls")))
        controls->hide();
    dock->show();
    dock->raise();
    window->resizeDocks({dock}, {420}, Qt::Horizontal);
}

void hideDock(MainWindow *window, const char *objectName) {
    if (auto *dock = window->findChild<QDockWidget *>(QLatin1String(objectName)))
        dock->hide();
}

bool sameRandomSetup(const PipelineOptions &a, const PipelineOptions &b) {
    const AttentionConfig &x = a.attention, &y = b.attention;
    return a.sentence == b.sentence && a.positional == b.positional && a.seed == b.seed &&
           x.heads == y.heads && x.dModel == y.dModel && x.dk == y.dk && x.dv == y.dv &&
           x.causal == y.causal && x.singleHead == y.singleHead;
}

} // namespace

TourActions::TourActions(MainWindow *window, AttentionSession *session, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_session(session) {
    connect(m_session, &AttentionSession::resultChanged, this, &TourActions::tryFinish);
}

QString TourActions::exampleSentence() {
    // No final full stop: with one, two heads of the English model spend their weight on it.
    return QStringLiteral("The cat sat on the mat because it was warm");
}

QString TourActions::repeatedSentence() {
    return QStringLiteral("The dog chased the cat and the cat chased the dog.");
}

QString TourActions::buttonText(int page) const {
    switch (page) {
    case OneVersusMany:
        return tr("Show four heads beside one wide head");
    case Roles:
        return tr("Show the trained heads and their roles");
    case Steps:
        return tr("Show the steps of one trained head");
    case Scaling:
        return tr("Turn off the √dk scaling with dk = 128");
    case Cost:
        return tr("Show the cost of 8 heads of width 64");
    case CausalMask:
        return tr("Turn on the causal mask");
    case Positional:
        return tr("Repeat words without positional encoding");
    case Caveat:
        return tr("Sort the heads by importance");
    default:
        return {};
    }
}

PipelineOptions TourActions::randomOptions(int heads, int dModel, int dk, bool causal,
                                           bool positional, const QString &sentence) const {
    PipelineOptions next = m_session->options();
    next.sentence = sentence.toStdString();
    next.seed = 42; // the weights every page's text was checked against
    next.positional = positional;
    next.embeddings.reset();
    next.tokenizer.mode = TokenizerMode::Words;
    next.attention.heads = heads;
    next.attention.dModel = dModel;
    next.attention.dk = next.attention.dv = dk;
    next.attention.causal = causal;
    next.attention.singleHead = false;
    return next;
}

QString TourActions::apply(int page) {
    if (page < 0 || page >= PageCount)
        return tr("The tour has no page %1.").arg(page + 1);
    const bool needsModel = page == Roles || page == Steps || page == Caveat;
    QString model;
    if (needsModel) {
        model = m_window->modelSelector()->defaultModel();
        if (model.isEmpty())
            return tr("This page needs the built-in English model, which is not installed.");
    }
    m_pending = page;
    m_wantedModel = model;
    m_wantedSentence = needsModel ? exampleSentence() : QString();
    if (needsModel) {
        if (m_session->options().sentence != exampleSentence().toStdString())
            m_session->setSentence(exampleSentence());
        if (!m_session->hasModel() || m_session->modelSource() != model)
            m_window->openModel(model, true);
    } else {
        switch (page) {
        case OneVersusMany: // dk = dv = d_model / heads: the baseline has the same total width
            m_wanted = randomOptions(4, 64, 16, false, true, exampleSentence());
            break;
        case Scaling: // a wide dk makes the unscaled scores large enough to saturate the softmax
            m_wanted = randomOptions(2, 256, 128, false, true, exampleSentence());
            break;
        case Cost: // the Transformer base sizes: 8 heads × 64 = d_model 512
            m_wanted = randomOptions(8, 512, 64, false, true, exampleSentence());
            break;
        case CausalMask:
            m_wanted = randomOptions(4, 64, 16, true, true, exampleSentence());
            break;
        case Positional:
            m_wanted = randomOptions(4, 64, 16, false, false, repeatedSentence());
            break;
        default:
            break;
        }
        if (m_session->hasModel() || m_session->hasLoadedWeights())
            m_session->useRandomWeights();
        if (!m_session->setOptions(m_wanted)) {
            m_pending = -1;
            return m_session->errorText();
        }
    }
    tryFinish();
    return {};
}

// Finishes the pending page once the session shows what it asked for and is idle.
void TourActions::tryFinish() {
    if (m_pending < 0 || m_session->isBusy())
        return;
    const auto snapshot = m_session->snapshot();
    if (!snapshot)
        return;
    if (!m_wantedModel.isEmpty()) {
        if (!snapshot->model || m_session->modelSource() != m_wantedModel ||
            snapshot->options.sentence != m_wantedSentence.toStdString())
            return;
    } else if (snapshot->model || !sameRandomSetup(snapshot->options, m_wanted)) {
        return;
    }
    const int page = m_pending;
    m_pending = -1;
    finish(page);
    emit ready(page);
}

void TourActions::finish(int page) {
    QTabWidget *tabs = m_window->viewTabs();
    ControlPanel *controls = m_window->controlPanel();
    const auto snapshot = m_session->snapshot();
    if (page != OneVersusMany)
        controls->baselineControl()->setChecked(false);
    if (page != Scaling)
        m_window->stepView()->setUnscaled(false);
    if (page != Roles && page != Cost && page != Caveat) // pages that point at the controls
        if (auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("controls")))
            dock->show();
    // Random heads are nearly uniform: a shared scale up to the largest weight shows their
    // patterns (and repeated rows) while keeping the heads comparable.
    if (!snapshot->model)
        controls->scaleControl()->setCurrentIndex(static_cast<int>(ColorScale::SharedMax));
    switch (page) {
    case OneVersusMany:
        controls->baselineControl()->setChecked(true);
        tabs->setCurrentWidget(m_window->headGrid());
        break;
    case Roles:
        tabs->setCurrentWidget(m_window->headGrid());
        showDock(m_window, "metricsDock");
        break;
    case Steps:
        m_window->showHeadSteps(snapshot->layer, std::max(0, previousTokenHead(*snapshot)));
        break;
    case Scaling:
        m_window->showHeadSteps(0, 0);
        m_window->stepView()->setUnscaled(true);
        break;
    case Cost:
        tabs->setCurrentWidget(m_window->headGrid());
        showDock(m_window, "costDock");
        break;
    case CausalMask:
    case Positional:
        tabs->setCurrentWidget(m_window->headGrid());
        break;
    case Caveat: {
        tabs->setCurrentWidget(m_window->headGrid());
        showDock(m_window, "metricsDock");
        auto *metrics = m_window->findChild<MetricsDock *>();
        for (int column = MetricsTableModel::kFirstMetricColumn;
             metrics && column < MetricsTableModel::kFirstMetricColumn + kMetricCount; ++column)
            if (MetricsTableModel::metricOfColumn(column) == Metric::Importance) {
                QTableView *table = metrics->tableView();
                table->sortByColumn(column, Qt::DescendingOrder);
                // The last column otherwise: put it beside the roles, where it can be read.
                QHeaderView *header = table->horizontalHeader();
                header->moveSection(header->visualIndex(column),
                                    MetricsTableModel::kFirstMetricColumn);
            }
        break;
    }
    default:
        break;
    }
    if (page != Cost)
        hideDock(m_window, "costDock");
}

int TourActions::previousTokenHead(const SessionSnapshot &snapshot) {
    const auto &heads = snapshot.result.attention.heads;
    std::vector<std::string> texts;
    for (const QString &token : snapshot.tokens)
        texts.push_back(token.toStdString());
    const std::vector<TokenFacts> facts = describeTokens(texts);
    const bool causal =
        snapshot.model ? snapshot.model->model.spec.causal : snapshot.options.attention.causal;
    int best = -1;
    double bestShare = 0.0;
    for (std::size_t h = 0; h < heads.size(); ++h) {
        try {
            const HeadMetrics m = computeHeadMetrics(heads[h].weights, facts, causal);
            if (m.previous && *m.previous > bestShare) {
                bestShare = *m.previous;
                best = static_cast<int>(h);
            }
        } catch (const std::exception &) {
            // A head whose metrics are undefined for this input is no candidate.
        }
    }
    return best;
}

} // namespace attnviz::ui
