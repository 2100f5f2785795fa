// "Control changed → all heads repainted": drives the real window offscreen and reports the
// p50 and p95 latency of a seed change at classroom sizes, with 16 heads.
//
//   QT_QPA_PLATFORM=offscreen build/release/tests/bench/bench_head_grid [iterations]
#include <attention_session.h>
#include <control_panel.h>
#include <head_grid_view.h>
#include <heatmap_view.h>
#include <main_window.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QSpinBox>

#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace attnviz;
using namespace attnviz::ui;

namespace {

std::string sentenceOf(int tokens) {
    std::string s;
    for (int i = 0; i < tokens; ++i)
        s += "w" + std::to_string(i) + " ";
    return s;
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5)];
}

// Milliseconds from a seed change until every head has painted its new data.
std::vector<double> measure(int tokens, int iterations) {
    AttentionSession session;
    MainWindow window(&session);
    PipelineOptions options;
    options.sentence = sentenceOf(tokens);
    options.attention = {64, 16, 16, 16, false, false};
    session.setOptions(options);
    window.resize(1920, 1080);
    window.show();
    session.waitForIdle();
    for (int i = 0; i < 20; ++i) // settle layout and first paints
        QApplication::processEvents();

    HeadGridView *grid = window.headGrid();
    QSpinBox *seed = window.controlPanel()->seedControl();
    std::vector<double> samples;
    for (int i = 0; i < iterations; ++i) {
        std::vector<quint64> before;
        for (HeatmapView *view : grid->panels())
            before.push_back(view->paintCount());
        QElapsedTimer timer;
        timer.start();
        seed->setValue(seed->value() + 1);
        for (;;) {
            QApplication::processEvents();
            session.waitForIdle();
            bool all = true;
            const auto panels = grid->panels();
            for (int p = 0; p < panels.size(); ++p)
                all = all && panels[p]->paintCount() > before[static_cast<std::size_t>(p)];
            if (all)
                break;
        }
        samples.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    return samples;
}

} // namespace

int main(int argc, char **argv) {
    mallopt(M_MMAP_THRESHOLD, 256 << 20); // as the app does (app/main.cpp)
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
    QApplication app(argc, argv);
    const int iterations = argc > 1 ? std::max(1, std::atoi(argv[1])) : 200;
    std::printf("control changed -> all 16 heads repainted (%d iterations, 1920x1080, %s)\n",
                iterations, qPrintable(QGuiApplication::platformName()));
    for (int tokens : {32, 128}) {
        const std::vector<double> samples = measure(tokens, iterations);
        std::printf("N = %3d: p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms\n", tokens,
                    percentile(samples, 0.50), percentile(samples, 0.95),
                    *std::max_element(samples.begin(), samples.end()));
    }
    return 0;
}
