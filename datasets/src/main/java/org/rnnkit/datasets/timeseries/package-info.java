/** Forecasting examples: sliding windows over numeric series with horizon and stride, many-to-one or many-to-many. */
package org.rnnkit.datasets.timeseries;
