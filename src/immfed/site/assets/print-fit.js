(function(){
function fit(){document.querySelectorAll('.static-plot').forEach(function(p){
  p.style.zoom='';try{Plotly.Plots.resize(p);}catch(e){}
  var w=p.parentNode.clientWidth,s=p.scrollWidth;if(w&&s>w){p.style.zoom=(w/s).toFixed(3);}});}
window.addEventListener('beforeprint',fit);window.addEventListener('afterprint',fit);
if(window.matchMedia){var m=window.matchMedia('print');if(m.addEventListener){m.addEventListener('change',fit);}}
})();
