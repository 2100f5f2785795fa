// "Forward finished → the model view shows it": the real ModelView gets a finished run of a
// gpt2-small-shaped model (12 layers × 12 heads = 144 thumbnails) and the time until its paint has
// happened is measured; p50 and p95 over the iterations, at N = 32 (the goal: within 50 ms) and
// N = 128.
//
//   QT_QPA_PLATFORM=offscreen build/release/tests/bench/bench_model_view [iterations]
#include <attention_session.h>
#include <model_view.h>

#include <QApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>

using namespace attnviz;
using namespace attnviz::ui;

namespace {

constexpr int kLayers = 12, kHeads = 12;

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5)];
}

// A finished run: every layer × head a row-stochastic N × N map, as runModel leaves them.
SessionSnapshot snapshotOf(int n, unsigned seed) {
    std::mt19937 rng(seed);
    std::exponential_distribution<float> dist(1.0f);
    auto run = std::make_shared<ModelRun>();
    for (int l = 0; l < kLayers; ++l) {
        LayerTrace layer;
        layer.attention.heads.resize(kHeads);
        for (HeadResult &head : layer.attention.heads) {
            head.weights.resize(n, n);
            for (Eigen::Index i = 0; i < head.weights.size(); ++i)
                head.weights.data()[i] = dist(rng);
            head.weights.array().colwise() /= head.weights.rowwise().sum().array();
        }
        run->trace.layers.push_back(std::move(layer));
    }
    SessionSnapshot snapshot;
    snapshot.run = std::move(run);
    for (int i = 0; i < n; ++i)
        snapshot.tokens << QStringLiteral("w%1").arg(i);
    return snapshot;
}

// Milliseconds from handing the view a finished run until it has painted it.
std::vector<double> measure(int n, int iterations) {
    ModelView view;
    view.resize(1600, 1000);
    view.show();
    const SessionSnapshot snapshots[2] = {snapshotOf(n, 1), snapshotOf(n, 2)};
    view.showSnapshot(snapshots[1]);
    for (int i = 0; i < 20; ++i) // settle the first show and paint
        QApplication::processEvents();
    if (view.layerCount() != kLayers || view.headCount() != kHeads) {
        std::fprintf(stderr, "the view shows %d × %d heads, not %d × %d\n", view.layerCount(),
                     view.headCount(), kLayers, kHeads);
        std::exit(1);
    }
    std::vector<double> samples;
    for (int i = 0; i < iterations; ++i) {
        const quint64 before = view.paintCount();
        QElapsedTimer timer;
        timer.start();
        view.showSnapshot(snapshots[i % 2]); // new data each time
        while (view.paintCount() == before && timer.elapsed() < 5000)
            QApplication::processEvents();
        if (view.paintCount() == before) {
            std::fprintf(stderr, "the model view did not repaint within 5 s\n");
            std::exit(1);
        }
        samples.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    return samples;
}

} // namespace

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    const int iterations = argc > 1 ? std::max(1, std::atoi(argv[1])) : 40;
    std::printf("model view, %d layers × %d heads, 1600 × 1000, %s platform\n", kLayers, kHeads,
                qPrintable(QApplication::platformName()));
    for (int n : {32, 128}) {
        const std::vector<double> s = measure(n, iterations);
        std::printf(
            "N = %3d: repaint after a finished forward p50 %.1f ms, p95 %.1f ms (%d runs)\n", n,
            percentile(s, 0.5), percentile(s, 0.95), iterations);
    }
    return 0;
}
