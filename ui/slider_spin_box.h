// SliderSpinBox: a slider for dragging with a spin box beside it for exact (and larger) values.
#pragma once

#include <QWidget>

class QSlider;
class QSpinBox;

namespace attnviz::ui {

class SliderSpinBox : public QWidget {
    Q_OBJECT
public:
    // The slider covers [minimum, sliderMaximum]; the spin box accepts up to spinMaximum.
    SliderSpinBox(int minimum, int sliderMaximum, int spinMaximum, QWidget *parent = nullptr);

    int value() const;
    void setValue(int value); // no valueChanged() emitted: for showing the model's state
    void setSingleStep(int step);
    QSlider *slider() const { return m_slider; }
    QSpinBox *spinBox() const { return m_spin; }

signals:
    void valueChanged(int value); // only for user edits

private:
    QSlider *m_slider;
    QSpinBox *m_spin;
};

} // namespace attnviz::ui
